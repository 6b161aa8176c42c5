import type { DbOrTx } from '../../../db/client.js';
import { auditLog } from '../../../db/schema/index.js';

export type AuditKind =
  | 'sign_in' | 'sign_in_failed' | 'sign_in_throttled' | 'sign_out' | 'permission_denied' | 'user_created'
  | 'password_reset' | 'password_changed' | 'user_disabled' | 'token_created' | 'token_revoked' | 'magic_link_sent' | 'applicant_sign_in'
  | 'subject_access_export' | 'erasure' | 'retention' | 'dbs_details_viewed' | 'cv_viewed' | 'role_changed' | 'job_retried'
  | 'webhook_created' | 'webhook_deleted' | 'import_started' | 'document_uploaded' | 'document_viewed';

/** Security and data-protection events. Ids only: never names, emails or documents. */
export async function audit(db: DbOrTx, entry: { kind: AuditKind; actorType: string; actorId: string | null; subjectId?: string | null; detail?: Record<string, unknown>; at: Date }) {
  await db.insert(auditLog).values({
    kind: entry.kind, actorType: entry.actorType, actorId: entry.actorId, subjectId: entry.subjectId ?? null,
    detail: entry.detail ?? null, at: entry.at,
  });
}
