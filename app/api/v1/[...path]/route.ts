import { HubError } from "@/lib/errors/hub-error";
import { toErrorResponse } from "@/lib/errors/to-error-envelope";

// Unknown /api/v1 paths answer in the API's envelope rather than with the console's HTML 404,
// before authentication: saying a path does not exist reveals nothing.
function answerNotFound(request: Request): Response {
  const response = toErrorResponse(new HubError("not_found", `No API endpoint ${request.method} ${new URL(request.url).pathname}`));
  response.headers.set("Cache-Control", "no-store");
  return response;
}

export { answerNotFound as GET, answerNotFound as POST, answerNotFound as PUT, answerNotFound as PATCH, answerNotFound as DELETE };
