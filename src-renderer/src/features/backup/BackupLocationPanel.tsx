import { useState, type FormEvent } from 'react';
import { Alert, Button, Chip, Paper, Stack, TextField, Typography } from '@mui/material';
import FolderOpen from '@mui/icons-material/FolderOpenOutlined';
import { useTranslation } from 'react-i18next';
import { INPUT_LIMITS } from '../../../../src-shared/contract/common';
import { ApiError } from '../../api/call';
import { useErrorText } from '../../api/error-text';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { desktopBridge } from './desktop-bridge';

/** Why the main process refused a folder (details.reason of BACKUP_FOLDER_UNUSABLE), in words. */
function useRefusalText(): (error: unknown) => string | null {
  const { t } = useTranslation();
  const describe = useErrorText();
  return (error) => {
    if (!error) return null;
    if (error instanceof ApiError && error.code === 'BACKUP_FOLDER_UNUSABLE' && typeof error.details.reason === 'string') {
      return t(`backup:location.reason.${error.details.reason}`, { defaultValue: describe(error) });
    }
    return describe(error);
  };
}

/**
 * Where new backups go: the data folder's backups/ or a folder the person chose, such as one on
 * removable media. The desktop app picks it with the system's folder dialog; browser mode takes a
 * typed path. Either way the main process checks the folder before remembering it.
 */
export function BackupLocationPanel() {
  const { t } = useTranslation();
  const refusal = useRefusalText();
  const location = useChannelQuery('backup.location', {});
  const [draft, setDraft] = useState<string | null>(null);
  const choose = useChannelMutation('backup.chooseLocation', { onSuccess: () => setDraft(null) });
  const desktop = desktopBridge();
  const chosen = location.data?.folder ?? null;
  const shown = chosen ?? location.data?.defaultFolder ?? '';
  const problem = refusal(choose.error);

  const pickFolder = async () => {
    const folder = await desktop?.chooseFolder();
    if (folder) choose.mutate({ folder });
  };
  const submitTyped = (event: FormEvent) => {
    event.preventDefault();
    if (draft?.trim()) choose.mutate({ folder: draft.trim() });
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack sx={{ gap: 1.5 }}>
        <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="subtitle1" component="h2">
            {t('backup:location.title')}
          </Typography>
          {location.data && chosen === null && <Chip size="small" label={t('backup:location.isDefault')} />}
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {t('backup:location.hint')}
        </Typography>
        <Stack component="form" direction="row" onSubmit={submitTyped} sx={{ gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <TextField
            label={t('backup:location.folder')}
            value={desktop ? shown : (draft ?? shown)}
            onChange={(event) => setDraft(event.target.value)}
            error={problem !== null}
            helperText={problem ?? (desktop ? undefined : t('backup:location.typeHint'))}
            slotProps={{ input: { readOnly: desktop !== null }, htmlInput: { maxLength: INPUT_LIMITS.path, spellCheck: false } }}
            size="small"
            sx={{ flex: '1 1 360px', minWidth: 0 }}
          />
          {desktop ? (
            <Button variant="outlined" startIcon={<FolderOpen />} disabled={choose.isPending} onClick={() => void pickFolder()}>
              {t('backup:location.choose')}
            </Button>
          ) : (
            <Button type="submit" variant="outlined" disabled={choose.isPending || !draft?.trim() || draft.trim() === shown}>
              {t('backup:location.use')}
            </Button>
          )}
          {chosen !== null && (
            <Button disabled={choose.isPending} onClick={() => choose.mutate({ folder: null })}>
              {t('backup:location.useDefault')}
            </Button>
          )}
        </Stack>
        {location.data && !location.data.usable && (
          <Alert severity="warning">{t('backup:location.unreachable', { folder: shown })}</Alert>
        )}
      </Stack>
    </Paper>
  );
}
