import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";

/** zxcvbn's score (0–4) a password needs: 3 is "safely unguessable" (about 10^8 guesses and up). */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

/**
 * Whether a password is hard enough to guess, by zxcvbn-ts with its common-password and English
 * dictionaries, keyboard patterns, repeats, sequences and dates; `userInputs` (email, name) count
 * as known words. Refused: a message saying why and how to do better. Pure check (the
 * dictionaries load on first use).
 */
export function checkPasswordStrength(password: string, userInputs: readonly string[] = []): { ok: true } | { ok: false; message: string } {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...en.dictionary }, graphs: common.adjacencyGraphs, translations: en.translations });
  const inputs = userInputs.flatMap((input) => [input, ...input.split(/[@._+-]+/)]).filter((input) => input.length >= 3);
  const result = estimator.check(password, ["switchboard", ...inputs]);
  if (result.score >= MIN_PASSWORD_SCORE) return { ok: true };
  const reason = result.feedback.warning ?? "It would be guessed quickly.";
  const advice = result.feedback.suggestions[0] ?? "Add more words that are less common.";
  return { ok: false, message: `Password is too easy to guess: ${withStop(reason)} ${withStop(advice)}` };
}

function withStop(sentence: string): string {
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
