/** The <option>s of a role picker, member first (the default role). */
export function RoleOptions() {
  return (
    <>
      <option value="member">Member</option>
      <option value="admin">Admin</option>
    </>
  );
}
