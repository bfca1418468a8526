import { HubError } from "@/lib/errors/hub-error";
import { toErrorResponse } from "@/lib/errors/to-error-envelope";

// Unknown /api/v1 paths answer in the API's envelope rather than with the console's HTML 404.
function answerNotFound(request: Request): Response {
  return toErrorResponse(new HubError("not_found", `No API endpoint ${request.method} ${new URL(request.url).pathname}`));
}

export { answerNotFound as GET, answerNotFound as POST, answerNotFound as PUT, answerNotFound as PATCH, answerNotFound as DELETE };
