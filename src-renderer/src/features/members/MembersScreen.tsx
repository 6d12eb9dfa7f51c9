import { useSearchParams } from 'react-router';
import { MemberDetailScreen } from './MemberDetailScreen';
import { MembersListScreen } from './MembersListScreen';
import { memberIdFrom } from './member-paths';

/** The Members route: the list, or one member's page when the query names them. */
export function MembersScreen() {
  const [params] = useSearchParams();
  const memberId = memberIdFrom(params);
  return memberId === null ? <MembersListScreen /> : <MemberDetailScreen key={memberId} memberId={memberId} />;
}
