import { Paper } from '@mui/material';
import CreditCard from '@mui/icons-material/CreditCardOutlined';
import { DataGrid } from '@mui/x-data-grid';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../api/queries';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { serverPagedProps } from '../../ui/grid';
import { PageFrame } from '../../ui/PageFrame';
import { memberPath } from '../members/member-paths';
import { RegisterFilters } from './RegisterFilters';
import { useRegisterColumns } from './register-columns';
import { isFiltered, REGISTER_PAGE_SIZES } from './register-view';
import { useCardRegister } from './use-card-register';

/** Every card issued, newest first, masked (first six and last four digits): searched, filtered by program and state, paged by the main process. */
export function CardRegisterScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const register = useCardRegister();
  const programs = useChannelQuery('cards.programs', {});
  const columns = useRegisterColumns();
  const filtered = isFiltered(register.view);
  const openMember = (memberId: number) => void navigate(memberPath(memberId));
  return (
    <PageFrame title={t('card-admin:register.title')} subtitle={t('card-admin:register.subtitle')}>
      <RegisterFilters view={register.view} programs={programs.data ?? []} onChange={register.setFilters} onClear={register.clear} />
      <ErrorAlert error={register.cards.error ?? programs.error} />
      <Paper variant="outlined" sx={{ flex: '1 1 0', minHeight: 360 }}>
        <DataGrid
          {...serverPagedProps(register.cards, register)}
          columns={columns}
          pageSizeOptions={[...REGISTER_PAGE_SIZES]}
          disableColumnSorting
          label={t('card-admin:register.title')}
          // Enter on a row opens its member's page, where the card's actions are.
          onCellKeyDown={({ row }, event) => {
            if (event.key === 'Enter') openMember(row.member.id);
          }}
          slots={{
            noRowsOverlay: () =>
              filtered ? (
                <EmptyState title={t('card-admin:register.empty.searchTitle')} hint={t('card-admin:register.empty.searchHint')} />
              ) : (
                <EmptyState icon={<CreditCard />} title={t('card-admin:register.empty.title')} hint={t('card-admin:register.empty.hint')} />
              ),
          }}
          sx={{ border: 0, '& .card-number': { fontFamily: 'ui-monospace, "Roboto Mono", monospace', fontVariantNumeric: 'tabular-nums' } }}
        />
      </Paper>
    </PageFrame>
  );
}
