import { Tab, Tabs } from '@mui/material';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';

// The member page shows their money, their points, their cards or their bank cards below the tier
// card. The tab is in the URL (`tab=points`), so Back and a reload return to it; the wallets, shown
// first, need none.

const TAB_PARAM = 'tab';
export const MEMBER_TABS = ['wallets', 'points', 'cards', 'bankCards'] as const;
export type MemberTab = (typeof MEMBER_TABS)[number];

const TAB_LABELS: Record<MemberTab, string> = { wallets: 'points:tab.wallets', points: 'points:tab.points', cards: 'cards:tab.cards', bankCards: 'cards:tab.bankCards' };
/** What else the page keeps in the URL for a tab: the card open on the Cards tab. */
const TAB_STATE_PARAMS = ['card'];

function tabFrom(params: URLSearchParams): MemberTab {
  return MEMBER_TABS.find((tab) => tab === params.get(TAB_PARAM)) ?? 'wallets';
}

/** The query without the member page's tab, for the way back to the list. */
export function withoutMemberTab(params: URLSearchParams): URLSearchParams {
  const rest = new URLSearchParams(params);
  for (const name of [TAB_PARAM, ...TAB_STATE_PARAMS]) rest.delete(name);
  return rest;
}

export function useMemberTab(): [MemberTab, (tab: MemberTab) => void] {
  const [params, setParams] = useSearchParams();
  const choose = (tab: MemberTab) =>
    setParams(
      (current) => {
        const next = withoutMemberTab(current);
        if (tab !== 'wallets') next.set(TAB_PARAM, tab);
        return next;
      },
      { replace: true },
    );
  return [tabFrom(params), choose];
}

export function MemberTabs({ value, onChange }: { value: MemberTab; onChange: (tab: MemberTab) => void }) {
  const { t } = useTranslation();
  return (
    <Tabs value={value} onChange={(_event, next: MemberTab) => onChange(next)} aria-label={t('points:tab.label')} sx={{ borderBottom: 1, borderColor: 'divider' }}>
      {MEMBER_TABS.map((tab) => (
        <Tab key={tab} value={tab} label={t(TAB_LABELS[tab])} />
      ))}
    </Tabs>
  );
}
