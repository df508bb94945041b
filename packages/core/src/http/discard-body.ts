/** Frees the connection of a response whose body we do not want (a redirect, a refusal). */
export async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => {});
}
