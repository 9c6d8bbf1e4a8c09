// Delivery of the outbox over SMTP. Every app instance may run this worker: a message is claimed
// in the database before it is sent (see claimPendingMail), so two instances never send one twice.
// Without SMTP_URL nothing is sent and messages stay in the outbox, visible at /staff/outbox.
import nodemailer from 'nodemailer';
import type { Db } from '../../db/database.ts';
import { type ClaimedMail, claimPendingMail, markMailFailed, markMailSent, renewMailClaims } from './mail.repo.ts';

export const MAX_ATTEMPTS = 5;
/**
 * A claim not renewed for this long belongs to a worker that died mid-send; another worker takes
 * it over. A live worker renews its claims every third of the lease while it sends, so a slow
 * SMTP server does not get a message sent twice, and a crashed instance delays mail by at most
 * this much.
 */
export const CLAIM_LEASE_SECONDS = 120;

/** What the worker needs of a mail transport (nodemailer's, or a test double). */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string; headers?: Record<string, string> }): Promise<unknown>;
  close?(): void;
}

export function smtpTransport(smtpUrl: string): MailTransport {
  return nodemailer.createTransport(smtpUrl);
}

/** Sender address: the municipality's name on the installation's own domain. */
export function senderAddress(tenantName: string, baseUrl: string): string {
  const host = new URL(baseUrl).hostname;
  const name = tenantName.replace(/["\\\r\n]/g, '');
  return `"${name}" <noreply@${host}>`;
}

/** Wait before the next attempt: 1, 4, 9, 16 minutes. */
export function retryDelaySeconds(attempts: number): number {
  return attempts * attempts * 60;
}

export interface DeliveryResult {
  sent: number;
  failed: number;
}

/** Sends what is due now, in batches, until nothing is left to claim. */
export async function deliverPendingMail(
  db: Db,
  transport: MailTransport,
  options: { baseUrl: string; batchSize?: number; maxBatches?: number; tenantId?: string; leaseSeconds?: number },
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0 };
  const batchSize = options.batchSize ?? 20;
  const leaseSeconds = options.leaseSeconds ?? CLAIM_LEASE_SECONDS;
  for (let batch = 0; batch < (options.maxBatches ?? 50); batch++) {
    const claimed = await claimPendingMail(db, batchSize, leaseSeconds, options.tenantId);
    if (claimed.length === 0) break;
    const unsent = new Set(claimed.map((mail) => mail.id));
    const renewal = setInterval(
      () => {
        renewMailClaims(db, [...unsent]).catch(() => {
          // The next renewal tries again; a claim that lapses is at worst sent by another worker.
        });
      },
      (leaseSeconds * 1000) / 3,
    );
    renewal.unref();
    try {
      await sendBatch(db, transport, claimed, unsent, options.baseUrl, result);
    } finally {
      clearInterval(renewal);
    }
    if (claimed.length < batchSize) break;
  }
  return result;
}

async function sendBatch(
  db: Db,
  transport: MailTransport,
  claimed: ClaimedMail[],
  unsent: Set<string>,
  baseUrl: string,
  result: DeliveryResult,
): Promise<void> {
  for (const mail of claimed) {
    try {
      await transport.sendMail({
        from: senderAddress(mail.tenantName, baseUrl),
        to: mail.to,
        subject: mail.subject,
        text: mail.body,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Insyn-Message-Id': mail.id },
      });
      await markMailSent(db, mail.id);
      result.sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retry = mail.attempts >= MAX_ATTEMPTS ? null : retryDelaySeconds(mail.attempts);
      await markMailFailed(db, mail.id, message, retry);
      result.failed++;
    } finally {
      unsent.delete(mail.id);
    }
  }
}

export interface Logger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** The delivery task when SMTP_URL is set; otherwise undefined (messages wait in the outbox). The job queue runs it. */
export function mailDeliveryTask(
  db: Db,
  config: { smtpUrl: string | undefined; baseUrl: string },
  log: Logger,
): { run(): Promise<void>; close(): void } | undefined {
  if (!config.smtpUrl) {
    log.info({}, 'SMTP_URL is not set: e-mail stays in the outbox (/staff/outbox)');
    return undefined;
  }
  const transport = smtpTransport(config.smtpUrl);
  return {
    async run() {
      const result = await deliverPendingMail(db, transport, { baseUrl: config.baseUrl });
      if (result.sent || result.failed) log.info({ ...result }, 'mail delivery');
    },
    close: () => transport.close?.(),
  };
}
