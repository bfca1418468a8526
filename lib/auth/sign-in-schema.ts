import { z } from "zod";

/** What the console's sign-in form (and next-auth's Credentials provider) accepts. */
export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()).describe("Account email address"),
  password: z.string().min(1).max(1024).describe("Account password"),
});

export type SignInInput = z.infer<typeof signInSchema>;
