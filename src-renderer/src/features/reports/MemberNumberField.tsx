import { useTranslation } from 'react-i18next';
import { isValidMemberNumber, normalizeMemberNumber } from '../../../../src-shared/member-number';
import { useChannelQuery } from '../../api/queries';
import { MemberPicker, type PickedMember } from '../wallets/MemberPicker';

/**
 * The statement's member: found by name, number or phone as at the counter, kept as the member
 * number (the report's parameter, and what the URL holds). A number in the URL is looked up to
 * show whose it is; one nobody holds says so under the field.
 */
export function MemberNumberField({ label, value, error, onChange }: { label: string; value: string; error: string | null; onChange: (memberNumber: string) => void }) {
  const { t } = useTranslation();
  const number = normalizeMemberNumber(value);
  const valid = isValidMemberNumber(number);
  const lookup = useChannelQuery('members.search', { query: number, limit: 1 }, { enabled: valid });
  const found = lookup.data?.rows.find((member) => member.memberNumber === number);
  const picked: PickedMember | null = found ? { id: found.id, memberNumber: found.memberNumber, name: found.name, phone: found.phone, status: found.status } : null;
  const missing = valid && lookup.isSuccess && !found;
  return <MemberPicker label={label} value={picked} onPick={(member) => onChange(member?.memberNumber ?? '')} errorText={error ?? (missing ? t('reports:errors.unknownMember') : null)} />;
}
