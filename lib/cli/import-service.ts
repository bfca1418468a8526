import { DatabaseSetupError } from "@/lib/db/database-setup-error";

/**
 * Loads a service module written by another part of the hub, turning "not there (yet)" into a
 * one-line error instead of a crash at CLI start-up for unrelated commands.
 */
export async function importService<T>(load: () => Promise<T>, what: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND") {
      throw new DatabaseSetupError(`${what} is not available in this build (module missing).`, { cause: error });
    }
    throw error;
  }
}
