import { useState } from 'react';
import { Button, Stack } from '@mui/material';
import Redeem from '@mui/icons-material/RedeemOutlined';
import GroupAdd from '@mui/icons-material/GroupAddOutlined';
import RateReview from '@mui/icons-material/RateReviewOutlined';
import Tune from '@mui/icons-material/TuneOutlined';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../src-shared/permissions';
import { useSession } from '../../session/session';
import { AdjustDialog } from './AdjustDialog';
import { RedeemDialog } from './RedeemDialog';
import { ReferralDialog } from './ReferralDialog';
import { ReviewDialog } from './ReviewDialog';

type PointsAction = 'redeem' | 'referral' | 'review' | 'adjust';

/** Who may do each: the permission the router checks for its channel. */
const PERMISSION = { redeem: 'points.redeem', referral: 'points.record', review: 'points.record', adjust: 'points.adjust' } as const;
const ICONS = { redeem: <Redeem />, referral: <GroupAdd />, review: <RateReview />, adjust: <Tune /> };

export interface PointsActionsProps {
  memberId: number;
  memberName: string;
  /** The member's wallet currencies, for the redemption's credit. */
  currencies: string[];
  /** A closed member earns and spends nothing. */
  closed: boolean;
}

/** The buttons the signed-in role may use, each opening its dialog. */
export function PointsActions({ memberId, memberName, currencies, closed }: PointsActionsProps) {
  const { t } = useTranslation();
  const { role } = useSession();
  const [open, setOpen] = useState<PointsAction | null>(null);
  const allowed = (Object.keys(PERMISSION) as PointsAction[]).filter((action) => can(role, PERMISSION[action]));
  if (closed || allowed.length === 0) return null;
  const close = () => setOpen(null);
  return (
    <>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        {allowed.map((action, index) => (
          <Button key={action} variant={index === 0 ? 'contained' : 'outlined'} startIcon={ICONS[action]} onClick={() => setOpen(action)}>
            {t(`points:action.${action}`)}
          </Button>
        ))}
      </Stack>
      <RedeemDialog open={open === 'redeem'} memberId={memberId} currencies={currencies} onClose={close} />
      <ReferralDialog open={open === 'referral'} memberId={memberId} memberName={memberName} onClose={close} />
      <ReviewDialog open={open === 'review'} memberId={memberId} onClose={close} />
      <AdjustDialog open={open === 'adjust'} memberId={memberId} onClose={close} />
    </>
  );
}
