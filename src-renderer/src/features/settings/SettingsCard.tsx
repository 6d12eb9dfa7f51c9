import type { FormEventHandler, ReactNode } from 'react';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { settingLabel } from './setting-labels';

/** What a section's form (use-section-form.ts) tells its card. */
export interface SectionStatus {
  /** The section has unsaved changes. */
  changed: boolean;
  /** Keys whose saved value is broken and shown as their default. */
  broken: readonly string[];
  busy: boolean;
  formError: unknown;
  submit: FormEventHandler;
  reset: () => void;
}

export interface SettingsCardProps {
  domain: string;
  readOnly: boolean;
  section: SectionStatus;
  children: ReactNode;
}

/** A section's title and what it governs, from settings.json. */
export function SectionHeading({ domain, titleId }: { domain: string; titleId: string }) {
  const { t } = useTranslation();
  return (
    <Box>
      <Typography id={titleId} variant="subtitle1" component="h2">
        {t(`settings:section.${domain}.title`)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t(`settings:section.${domain}.description`)}
      </Typography>
    </Box>
  );
}

/** One settings section: its title and what it governs, its fields, and its own Save and Reset. */
export function SettingsCard({ domain, readOnly, section, children }: SettingsCardProps) {
  const { changed, broken, busy, formError, submit, reset } = section;
  const { t } = useTranslation();
  const titleId = `settings-${domain}-title`;
  return (
    <Paper variant="outlined" component="section" aria-labelledby={titleId} sx={{ p: 3 }}>
      <Stack component="form" onSubmit={submit} noValidate sx={{ gap: 2 }}>
        <SectionHeading domain={domain} titleId={titleId} />
        {broken.map((key) => (
          <Alert key={key} severity="warning">
            {t('settings:invalidSaved', { field: settingLabel(key, t) })}
          </Alert>
        ))}
        {children}
        <ErrorAlert error={formError} />
        {!readOnly && (
          <Stack direction="row" sx={{ gap: 1, alignItems: 'center', justifyContent: 'flex-end', flexWrap: 'wrap' }}>
            {changed && (
              <Typography variant="body2" color="text.secondary" sx={{ mr: 'auto' }}>
                {t('settings:unsaved')}
              </Typography>
            )}
            <Button onClick={reset} disabled={!changed || busy}>
              {t('settings:reset')}
            </Button>
            <Button type="submit" variant="contained" disabled={(!changed && broken.length === 0) || busy}>
              {t('common:actions.save')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
