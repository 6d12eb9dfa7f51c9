import type { TFunction } from 'i18next';
import { formatMemberNumber, isValidMemberNumber } from '../../../../src-shared/member-number';

// The audit log's vocabulary in the reader's language: action names and entity types. The main
// process records codes (`member.freeze`, `receipt`); a code this renderer has no words for yet
// (a newer Paydesk wrote it) is shown as recorded rather than hidden.

/** What the audit model needs of i18next: the instance, or `useTranslation()`'s `i18n`. */
export interface Words {
  t: TFunction;
  exists: (key: string) => boolean;
  language: string;
}

/** The text of a key, or null when the key is missing or names a group of keys rather than a string. */
export function textOf(words: Words, key: string): string | null {
  if (!words.exists(key)) return null;
  const text: unknown = words.t(key, { returnObjects: true });
  return typeof text === 'string' ? text : null;
}

/** "Froze a member" for `member.freeze`; the code itself when it has no translation. */
export function actionName(action: string, words: Words): string {
  return textOf(words, `audit:action.${action}`) ?? action;
}

/** "Member" for `member`; the type itself when it has no translation. */
export function entityTypeName(entityType: string, words: Words): string {
  return textOf(words, `audit:entity.${entityType}`) ?? entityType;
}

type Entity = { entityType: string; entityId: string | null };

/** The entity's id as people read it: a member number grouped, anything else as recorded. */
export function entityIdText({ entityType, entityId }: Entity): string {
  if (entityId === null) return '';
  return entityType === 'member' && isValidMemberNumber(entityId) ? formatMemberNumber(entityId) : entityId;
}

/** "Member 1000 0001 7", "Receipt R20261201-000002", or the type alone when no entity is named. */
export function entityText(entry: Entity, words: Words): string {
  const type = entityTypeName(entry.entityType, words);
  return entry.entityId === null ? type : `${type} ${entityIdText(entry)}`;
}
