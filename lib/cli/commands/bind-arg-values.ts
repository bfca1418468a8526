/**
 * "--arg -y" and "--arg --port" are the server's own arguments: bind the word after each --arg to
 * it ("--arg=-y") so the option parser does not take it for an option of ours.
 */
export function bindArgValues(args: string[]): string[] {
  const bound: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    if (args[index] === "--arg" && index + 1 < args.length) bound.push(`--arg=${args[++index]}`);
    else bound.push(args[index]);
  }
  return bound;
}
