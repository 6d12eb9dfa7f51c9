import { Tab, Tabs } from '@mui/material';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';

// The member page shows either their money or their points below the tier card. The tab is in
// the URL (`tab=points`), so Back and a reload return to it; the wallets, shown first, need none.

const TAB_PARAM = 'tab';
export const MEMBER_TABS = ['wallets', 'points'] as const;
export type MemberTab = (typeof MEMBER_TABS)[number];

function tabFrom(params: URLSearchParams): MemberTab {
  return params.get(TAB_PARAM) === 'points' ? 'points' : 'wallets';
}

/** The query without the member page's tab, for the way back to the list. */
export function withoutMemberTab(params: URLSearchParams): URLSearchParams {
  const rest = new URLSearchParams(params);
  rest.delete(TAB_PARAM);
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
        <Tab key={tab} value={tab} label={t(`points:tab.${tab}`)} />
      ))}
    </Tabs>
  );
}
