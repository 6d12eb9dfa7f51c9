import { Alert, Step, StepLabel, Stepper } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../../../ui/format';
import { PageFrame } from '../../../ui/PageFrame';
import { useEnabledCurrencies } from '../use-enabled-currencies';
import { CreateStep } from './CreateStep';
import { FileCheckStep } from './FileCheckStep';
import { FileStep } from './FileStep';
import { ResultsStep } from './ResultsStep';
import { FileTooLarge, IMPORT_STEPS, useImportWizard } from './use-import-wizard';
import { PAYOUT_FILE_MAX_BYTES } from '../../../../../src-shared/contract/payouts';

/** Finance imports a payout file: pick it → what it is → every row's problems → a draft batch, opened for submission. */
export function PayoutImportScreen() {
  const { t, i18n } = useTranslation();
  const currencies = useEnabledCurrencies();
  const wizard = useImportWizard(currencies[0] ?? '');
  const { report, file } = wizard;
  const active = IMPORT_STEPS.indexOf(wizard.step);
  const tooLarge = wizard.checkError instanceof FileTooLarge;
  return (
    <PageFrame title={t('payouts:import.title')} subtitle={t('payouts:import.subtitle')}>
      <Stepper activeStep={active} aria-label={t('payouts:import.steps')}>
        {IMPORT_STEPS.map((step) => (
          <Step key={step}>
            <StepLabel>{t(`payouts:import.step.${step}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      {wizard.step === 'file' && (
        <>
          <FileStep
            file={file}
            onFile={wizard.choose}
            currency={wizard.currency}
            currencies={currencies}
            onCurrency={wizard.setCurrency}
            checking={wizard.checking}
            error={tooLarge ? null : wizard.checkError}
            onCheck={wizard.check}
          />
          {tooLarge && (
            <Alert severity="error">
              {t('payouts:import.file.tooLarge', { size: formatFileSize(file?.size ?? 0, i18n.language), maximum: formatFileSize(PAYOUT_FILE_MAX_BYTES, i18n.language) })}
            </Alert>
          )}
        </>
      )}
      {wizard.step === 'check' && report && file && (
        <FileCheckStep fileName={file.name} report={report} onBack={() => wizard.setStep('file')} onNext={() => wizard.setStep('rows')} />
      )}
      {wizard.step === 'rows' && report && <ResultsStep report={report} onBack={() => wizard.setStep('check')} onNext={() => wizard.setStep('create')} />}
      {wizard.step === 'create' && report && file && (
        <CreateStep fileName={file.name} report={report} creating={wizard.creating} error={wizard.createError} onBack={() => wizard.setStep('rows')} onCreate={wizard.createBatch} />
      )}
    </PageFrame>
  );
}
