import { paymentFee } from '../wallets/fees';
import { pick, type Random } from './sample-people';

// The counter activity of demo data: deposits, withdrawals, payments and transfers between
// members, drawn from a seeded random source. It keeps every wallet's balance as it goes, so each
// operation it draws is one the ledger accepts (no overdraft), and the same seed always draws the
// same operations.

export type DemoOperation =
  | { operation: 'deposit'; member: number; amount: number }
  | { operation: 'withdrawal'; member: number; amount: number }
  | { operation: 'payment'; member: number; amount: number; fee: number; merchant: string }
  | { operation: 'transfer'; member: number; payee: number; amount: number };

const MERCHANTS = ['美宜佳便利店', '老北京茶馆', '华润万家', '海底捞火锅', '滴滴出行', '全家 FamilyMart', 'Starbucks 国贸店', 'Metro Cash & Carry', '7-Eleven 中环', '新华书店'];

const YUAN = 100;

/** How many ledger transfers an operation posts: a payment with a fee posts two. */
export function transfersOf(op: DemoOperation): number {
  return op.operation === 'payment' && op.fee > 0 ? 2 : 1;
}

export class DemoActivity {
  /** Each member's wallet balance in fen, by member index. */
  readonly balances: number[];
  private opened = 0;

  constructor(
    private readonly random: Random,
    memberCount: number,
    private readonly feeBps: number,
  ) {
    this.balances = new Array<number>(memberCount).fill(0);
  }

  /** The next operation, posting at most `budget` (≥ 1) transfers; its effect is applied at once. */
  next(budget: number): DemoOperation {
    const op = this.draw(budget);
    this.apply(op);
    return op;
  }

  private draw(budget: number): DemoOperation {
    // Nine in ten members open their wallet with a deposit before anything else happens.
    while (this.opened < this.balances.length) {
      const member = this.opened;
      this.opened += 1;
      if (this.random() < 0.9) return { operation: 'deposit', member, amount: (200 + Math.floor(this.random() * 4_800)) * YUAN };
    }
    const member = Math.floor(this.random() * this.balances.length);
    const roll = this.random();
    const balance = this.balances[member]!;
    if (roll < 0.35 && balance >= 20 * YUAN) return this.payment(member, balance, budget);
    if (roll < 0.55 && balance >= 100 * YUAN) return { operation: 'withdrawal', member, amount: (1 + Math.floor(this.random() * Math.floor(balance / (100 * YUAN)))) * 100 * YUAN };
    if (roll < 0.75 && balance >= 10 * YUAN && this.balances.length > 1) return this.transfer(member, balance);
    return { operation: 'deposit', member, amount: (50 + Math.floor(this.random() * 1_950)) * YUAN };
  }

  private payment(member: number, balance: number, budget: number): DemoOperation {
    const ceiling = Math.min(800 * YUAN, Math.floor(balance / 2));
    const amount = 100 + Math.floor(this.random() * (ceiling - 100));
    const fee = paymentFee(amount, this.feeBps);
    if (fee > 0 && budget < 2) return { operation: 'deposit', member, amount: 100 * YUAN };
    return { operation: 'payment', member, amount, fee, merchant: pick(this.random, MERCHANTS) };
  }

  private transfer(member: number, balance: number): DemoOperation {
    let payee = Math.floor(this.random() * (this.balances.length - 1));
    if (payee >= member) payee += 1;
    return { operation: 'transfer', member, payee, amount: (1 + Math.floor(this.random() * Math.floor(balance / (2 * YUAN)))) * YUAN };
  }

  private apply(op: DemoOperation): void {
    const balances = this.balances;
    if (op.operation === 'deposit') balances[op.member]! += op.amount;
    else if (op.operation === 'withdrawal') balances[op.member]! -= op.amount;
    else if (op.operation === 'payment') balances[op.member]! -= op.amount + op.fee;
    else {
      balances[op.member]! -= op.amount;
      balances[op.payee]! += op.amount;
    }
  }
}
