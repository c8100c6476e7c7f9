// What the load clients of scripts/bench.sh and scripts/chaos.sh share: made-up client
// addresses, the server functions' JSON, and the free slots to book.

/** A made-up client address for person `n`, one of 16 million (nginx forwards it, or the
 *  server trusts 127.0.0.1 as its proxy): the per-address limits are not what is measured. */
export const addressOf = (n) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

/** Server function `path`'s JSON answer to url-encoded arguments. */
export async function serverFn(base, path, fields) {
  const reply = await fetch(base + path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams(fields).toString(),
  });
  if (!reply.ok) throw new Error(`${path}: ${reply.status} ${await reply.text()}`);
  return reply.json();
}

/** Every (service, center, start) free now, each slot once. */
export async function freeSlots(base) {
  const services = await serverFn(base, "/api/book/services", {});
  const centers = await serverFn(base, "/api/centers/list", {});
  const slots = [];
  for (const service of services.map((s) => s.code)) {
    for (const center of centers.map((c) => c.id)) {
      const free = await serverFn(base, "/api/book/free-times", { service, center });
      for (const start of free?.starts ?? []) slots.push({ service, center, start });
    }
  }
  return slots;
}
