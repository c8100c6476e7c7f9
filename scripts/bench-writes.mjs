// The write side of scripts/bench.sh, through HTTP against a running release server:
//   bookings  every free time of every bookable service, booked on distinct slots by 16
//             clients at once; prints the committed bookings per second;
//   crowd     500 enrolment posts at once for one workshop session (sent by curl); prints
//             how long the slowest and the median answer took.
// Each person comes from an address of their own (X-Forwarded-For; the server trusts
// 127.0.0.1 as its proxy here, as it trusts nginx in production), as many people would:
// the per-address limits are not what is measured.
//   node scripts/bench-writes.mjs bookings http://127.0.0.1:3295
//   node scripts/bench-writes.mjs crowd http://127.0.0.1:3295 <session id>
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addressOf, freeSlots } from "./load-client.mjs";

const [what, base, session] = process.argv.slice(2);

/** Posts a form as a browser does, without following the redirect. */
async function postForm(path, fields, n) {
  const started = performance.now();
  const reply = await fetch(base + path, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": addressOf(n) },
    body: new URLSearchParams(fields).toString(),
  });
  await reply.arrayBuffer();
  return { status: reply.status, location: reply.headers.get("location") ?? "", ms: performance.now() - started };
}

async function bookings() {
  const slots = await freeSlots(base);
  if (slots.length < 100) throw new Error(`only ${slots.length} free slots to book`);
  let next = 0;
  let booked = 0;
  const refused = new Map();
  const started = performance.now();
  // 16 clients, each booking the next free slot as soon as its last answer came.
  await Promise.all(Array.from({ length: 16 }, async () => {
    for (let n = next++; n < slots.length; n = next++) {
      const { service, center, start } = slots[n];
      const reply = await postForm("/book/details", {
        service, center, tz: "America/Los_Angeles", lang: "en", start, key: crypto.randomUUID(),
        first_name: `Bench${n}`, last_name: "Person", email: `bench${n}@example.org`,
        phone: `503-555-${String(n % 10000).padStart(4, "0")}`, language: "en", held: "phone",
      }, n);
      if (reply.status === 303 && reply.location.startsWith("/book/manage/")) booked++;
      else refused.set(reply.status, (refused.get(reply.status) ?? 0) + 1);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  const perSecond = booked / seconds;
  console.log(JSON.stringify({ slots: slots.length, booked, seconds: +seconds.toFixed(2), perSecond: +perSecond.toFixed(1), refused: Object.fromEntries(refused) }));
}

/** The crowd's posts go out through curl, all at once: Node's own fetch spent about 1.5 s
 *  of CPU on 500 posts, on the two cores the server and PostgreSQL share, and its slowest
 *  answer measured Node as much as the server. curl sends at most 300 at once
 *  (`--parallel-max`), so two of them send 250 each; the slowest answer is counted from
 *  before either started to the end of the last, so no wait to be sent is left out. */
async function crowd() {
  const dir = mkdtempSync(join(tmpdir(), "crowd-"));
  const halves = [0, 1].map((half) => {
    const config = Array.from({ length: 250 }, (_, i) => {
      const n = half * 250 + i;
      const body = new URLSearchParams({
        key: crypto.randomUUID(), lang: "en", tz: "America/Los_Angeles", first_name: `Crowd${n}`,
        last_name: "Person", contact: `crowd${n}@example.org`, language: "en",
      });
      return [
        `url = "${base}/workshops/enrol/${session}"`,
        `header = "X-Forwarded-For: ${addressOf(100000 + n)}"`,
        `data = "${body}"`,
        'output = "/dev/null"',
        'write-out = "%{http_code} %{redirect_url} %{time_total}\\n"',
      ].join("\n");
    }).join("\nnext\n");
    writeFileSync(join(dir, `half-${half}.cfg`), config);
    return join(dir, `half-${half}.cfg`);
  });
  const started = performance.now();
  const outputs = await Promise.all(halves.map((file) => new Promise((done, fail) => {
    execFile("curl", ["-s", "--no-progress-meter", "--parallel", "--parallel-immediate", "--parallel-max", "250", "-K", file],
      { encoding: "utf8", maxBuffer: 1 << 24 }, (error, stdout) => (error ? fail(error) : done(stdout)));
  })));
  const wholeMs = performance.now() - started;
  rmSync(dir, { recursive: true });
  const replies = outputs.join("").trim().split("\n").map((line) => line.split(" "));
  const times = replies.map(([, , seconds]) => Number(seconds) * 1000).sort((a, b) => a - b);
  const answered = replies.filter(([status, location]) => status === "303" && location.includes("/workshops/manage/")).length;
  console.log(JSON.stringify({
    posts: replies.length, answered303: answered,
    slowestMs: +wholeMs.toFixed(0), slowestOnceSentMs: +times[times.length - 1].toFixed(0),
    medianMs: +times[times.length >> 1].toFixed(0),
  }));
}

await (what === "bookings" ? bookings() : crowd());
