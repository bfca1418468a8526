import { redirect } from "next/navigation";

/** The console starts at the keys page (which sends signed-out visitors to /login). */
export default function HomePage() {
  redirect("/keys");
}
