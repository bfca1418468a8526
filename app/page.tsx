import { redirect } from "next/navigation";
import { getSignUpPolicy } from "@/lib/auth/get-sign-up-policy";

/**
 * The console starts at the keys page (which sends signed-out visitors to /login); a fresh hub
 * with no account yet starts at sign-up, where the first person becomes admin.
 */
export default async function HomePage() {
  const policy = await getSignUpPolicy();
  redirect(policy.ok && policy.role === "admin" ? "/signup" : "/keys");
}
