import { useMemo, useState } from 'react';
import { Box, Button, Stack, Step, StepLabel, Stepper } from '@mui/material';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { INPUT_LIMITS } from '../../../../src-shared/contract/common';
import { setupInput } from '../../../../src-shared/contract/session';
import { useChannelMutation } from '../../api/queries';
import { PublicFrame } from '../../ui/PublicFrame';
import { rememberUser } from '../../session/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormTextField, useServerError } from '../../ui/form';
import { PassphraseStrength } from '../../ui/PassphraseStrength';
import { passphraseRules } from '../../ui/passphrase-rules';
import { RecoveryKeyPanel } from '../../ui/RecoveryKeyPanel';

const FIELDS = ['username', 'displayName', 'passphrase', 'confirm'] as const;

/** What set-up hands over once: the recovery key, and the trust fingerprint to keep beside it. */
interface SetUpSecrets {
  recoveryKey: string;
  trustFingerprint: string;
}

function AdminForm({ onStarted, onCreated }: { onStarted: () => void; onCreated: (secrets: SetUpSecrets) => void }) {
  const { t } = useTranslation();
  const schema = useMemo(() => setupInput.extend({ confirm: z.string() }).superRefine(passphraseRules('passphrase', t)), [t]);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { username: 'admin', displayName: '', passphrase: '', confirm: '' } });
  const passphrase = useWatch({ control: form.control, name: 'passphrase' });
  const server = useServerError(form.setError, FIELDS, 'passphrase');
  const setup = useChannelMutation('setup.init', {
    onSuccess: (result) => {
      rememberUser(result.session.username);
      onCreated({ recoveryKey: result.recoveryKey, trustFingerprint: result.trustFingerprint });
    },
    onError: server.report,
  });

  const submit = form.handleSubmit(({ confirm: _confirm, ...input }) => {
    server.clear();
    onStarted();
    setup.mutate(input);
  });

  return (
    <Stack component="form" onSubmit={submit} noValidate sx={{ gap: 2 }}>
      <FormTextField control={form.control} name="username" label={t('setup:form.username')} hint={t('common:validation.username')} autoComplete="username" />
      <FormTextField control={form.control} name="displayName" label={t('setup:form.displayName')} maxLength={INPUT_LIMITS.name} autoFocus autoComplete="name" />
      <FormTextField control={form.control} name="passphrase" label={t('setup:form.passphrase')} type="password" autoComplete="new-password" />
      <PassphraseStrength value={passphrase} />
      <FormTextField control={form.control} name="confirm" label={t('setup:form.confirm')} type="password" autoComplete="new-password" />
      <ErrorAlert error={server.formError} />
      <Box>
        <Button type="submit" variant="contained" size="large" disabled={setup.isPending}>
          {setup.isPending ? t('setup:form.creating') : t('setup:form.submit')}
        </Button>
      </Box>
    </Stack>
  );
}

/** First run: create the first admin, then show the recovery key once, with the trust fingerprint. */
export function SetupWizard({ onStarted, onFinished }: { onStarted: () => void; onFinished: () => void }) {
  const { t } = useTranslation();
  const [secrets, setSecrets] = useState<SetUpSecrets | null>(null);
  const step = secrets === null ? 0 : 1;
  return (
    <PublicFrame title={t('setup:title')} subtitle={step === 0 ? t('setup:intro') : t('setup:recoveryIntro')} width={640}>
      <Stepper activeStep={step} sx={{ mb: 3 }}>
        <Step>
          <StepLabel>{t('setup:steps.admin')}</StepLabel>
        </Step>
        <Step>
          <StepLabel>{t('setup:steps.recoveryKey')}</StepLabel>
        </Step>
      </Stepper>
      {secrets === null ? (
        <AdminForm onStarted={onStarted} onCreated={setSecrets} />
      ) : (
        <RecoveryKeyPanel recoveryKey={secrets.recoveryKey} trustFingerprint={secrets.trustFingerprint} continueLabel={t('setup:finish')} onContinue={onFinished} />
      )}
    </PublicFrame>
  );
}
