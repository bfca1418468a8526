import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/users/create-user";

/** What the console's sign-up form accepts. */
export const signUpSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "Enter a valid email address" }))
    .describe("Email address used to sign in"),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, { message: `Use at least ${MIN_PASSWORD_LENGTH} characters` })
    .max(1024, { message: "Use at most 1024 characters" })
    .describe(`Password, at least ${MIN_PASSWORD_LENGTH} characters`),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
