const WAIT_MS = 10_000;

/** Polls until `done()` holds (calling `poke` between tries); fails after 10 s. */
export async function waitUntil(
  done: () => boolean | Promise<boolean>,
  poke?: () => Promise<void>,
): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('the app did not do what the demo waited for');
    if (poke) await poke();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
