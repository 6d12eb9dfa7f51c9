import { useState } from 'react';
import { Button, Divider } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { PublicFrame } from '../../ui/PublicFrame';
import { PassphraseUnlockForm } from './PassphraseUnlockForm';
import { RecoveryUnlockForm } from './RecoveryUnlockForm';

export function UnlockScreen() {
  const { t } = useTranslation();
  const [withRecoveryKey, setWithRecoveryKey] = useState(false);
  return (
    <PublicFrame
      title={withRecoveryKey ? t('session:recovery.title') : t('session:unlock.title')}
      subtitle={withRecoveryKey ? t('session:recovery.intro') : t('session:unlock.intro')}
    >
      {withRecoveryKey ? <RecoveryUnlockForm /> : <PassphraseUnlockForm />}
      <Divider sx={{ my: 2 }} />
      <Button fullWidth onClick={() => setWithRecoveryKey((current) => !current)}>
        {withRecoveryKey ? t('session:recovery.back') : t('session:recovery.use')}
      </Button>
    </PublicFrame>
  );
}
