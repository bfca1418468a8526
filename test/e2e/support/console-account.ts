/** Credentials typed into the console's sign-up and sign-in forms. */
export interface ConsoleAccount {
  email: string;
  password: string;
}
