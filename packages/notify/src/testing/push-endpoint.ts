/**
 * A local push service on HTTPS (loopback, a self-signed certificate made with openssl): it
 * verifies each request's VAPID JWT (ES256 over the `k` key, audience = its origin, not expired)
 * and decrypts the aes128gcm body (RFC 8291) with the browser-side keys it hands out. Paths under
 * /gone/ answer 410, as a push service does for an expired subscription.
 */
import { execFileSync } from "node:child_process";
import {
  createDecipheriv,
  createECDH,
  createHmac,
  createPublicKey,
  randomBytes,
  verify,
  type ECDH,
} from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PushSubscriptionKeys } from "../push.ts";

export interface ReceivedPush {
  path: string;
  /** The VAPID JWT's claims, after its signature checked out. */
  claims: { aud: string; exp: number; sub: string };
  vapidPublicKey: string;
  payload: string;
  bodyBytes: number;
}

export interface LocalPushService {
  origin: string;
  /** An HTTPS agent that trusts the service's certificate. */
  agent: Agent;
  received: ReceivedPush[];
  /** Refusals (bad JWT, undecryptable body), so a test can assert there were none. */
  errors: string[];
  /** A browser subscription on this service; `gone` answers 410. */
  subscribe(options?: { gone?: boolean }): PushSubscriptionKeys;
  stop(): Promise<void>;
}

const b64u = (b: Buffer) => b.toString("base64url");
const hmac = (key: Buffer, data: Buffer) => createHmac("sha256", key).update(data).digest();

/** RFC 8291 §3.4 + RFC 8188: the browser's side of aes128gcm. */
function decrypt(body: Buffer, browser: ECDH, authSecret: Buffer): string {
  const salt = body.subarray(0, 16);
  const idLength = body[20]!;
  const serverPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const shared = browser.computeSecret(serverPublic);
  const keyInfo = Buffer.concat([
    Buffer.from("WebPush: info\0"),
    browser.getPublicKey(),
    serverPublic,
  ]);
  const ikm = hmac(hmac(authSecret, shared), Buffer.concat([keyInfo, Buffer.from([1])]));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from("Content-Encoding: aes128gcm\0\x01")).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from("Content-Encoding: nonce\0\x01")).subarray(0, 12);
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([
    decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
    decipher.final(),
  ]);
  const end = padded.lastIndexOf(2); // the last record's delimiter, then zero padding
  return padded.subarray(0, end).toString("utf8");
}

function verifyVapid(header: string, origin: string) {
  const match = /^vapid t=([^,]+),\s*k=(.+)$/.exec(header);
  if (!match) throw new Error("no vapid authorization");
  const [, jwt, k] = match as unknown as [string, string, string];
  const [head, body, signature] = jwt.split(".") as [string, string, string];
  const point = Buffer.from(k, "base64url");
  const key = createPublicKey({
    key: { kty: "EC", crv: "P-256", x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33)) },
    format: "jwk",
  });
  const ok = verify(
    "sha256",
    Buffer.from(`${head}.${body}`),
    { key, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  if (!ok) throw new Error("bad vapid signature");
  if (JSON.parse(Buffer.from(head, "base64url").toString()).alg !== "ES256") throw new Error("alg");
  const claims = JSON.parse(Buffer.from(body, "base64url").toString()) as ReceivedPush["claims"];
  if (claims.aud !== origin) throw new Error(`audience ${claims.aud}`);
  if (claims.exp * 1000 <= Date.now()) throw new Error("expired");
  return { claims, vapidPublicKey: k };
}

export async function startLocalPushService(): Promise<LocalPushService> {
  const dir = mkdtempSync(join(tmpdir(), "atlas-push-"));
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      join(dir, "key.pem"),
      "-out",
      join(dir, "cert.pem"),
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
    ],
    { stdio: "ignore" },
  );
  const cert = readFileSync(join(dir, "cert.pem"));
  const browsers = new Map<string, { ecdh: ECDH; auth: Buffer }>();
  const received: ReceivedPush[] = [];
  const errors: string[] = [];
  let origin = "";
  const server: Server = createServer(
    { key: readFileSync(join(dir, "key.pem")), cert },
    (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const path = req.url ?? "/";
        try {
          if (path.startsWith("/gone/")) {
            res.writeHead(410).end();
            return;
          }
          const browser = browsers.get(path);
          if (!browser) throw new Error(`unknown subscription ${path}`);
          if (req.headers["content-encoding"] !== "aes128gcm") throw new Error("encoding");
          const vapid = verifyVapid(String(req.headers.authorization), origin);
          const body = Buffer.concat(chunks);
          received.push({
            path,
            ...vapid,
            payload: decrypt(body, browser.ecdh, browser.auth),
            bodyBytes: body.length,
          });
          res.writeHead(201).end();
        } catch (error) {
          errors.push(String(error));
          res.writeHead(400).end();
        }
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    agent: new Agent({ ca: cert }),
    received,
    errors,
    subscribe({ gone = false } = {}) {
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const path = `/${gone ? "gone" : "push"}/${b64u(randomBytes(8))}`;
      browsers.set(path, { ecdh, auth });
      return { endpoint: `${origin}${path}`, p256dh: b64u(ecdh.getPublicKey()), auth: b64u(auth) };
    },
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
