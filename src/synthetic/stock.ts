/**
 * Pharmacy purchase-sale-inventory (进销存): what each pharmacy sold and billed per item, from which its
 * opening stocktake, monthly purchases and quarterly stocktakes are written so that they reconcile — except
 * for the pharmacy items picked for STOCK_MISMATCH, whose purchases fall short or whose insurance sales are
 * partly missing. Labels are then decided by the rule's own arithmetic.
 */
import type { Calendar } from './calendar.js';
import type { CatalogueIndex } from './catalogue-index.js';
import type { Institution } from './city.js';
import { money, type PartWriter, qty } from './output.js';
import { mix32, Rng } from './random.js';
import type { Injector, LabelWriter } from './violations.js';

interface Entry {
  inst: number;
  item: number;
  billed: number;
  /** Insurance-settled sales (hi_feesetl_flag 1). */
  insured: number;
  all: number;
  monthly: number[];
}

const SUPPLIERS = [
  '华东医药股份有限公司',
  '英特药业有限公司',
  '国药控股浙江有限公司',
  '九州通医药集团浙江有限公司',
  '上海医药分销有限公司',
];

export class StockLedger {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly cat: CatalogueIndex,
    private readonly seed: number,
    private readonly shard: number,
    private readonly inj: Injector,
  ) {}

  private entry(inst: number, item: number): Entry {
    const k = `${inst}|${item}`;
    let e = this.entries.get(k);
    if (!e) this.entries.set(k, (e = { inst, item, billed: 0, insured: 0, all: 0, monthly: [] }));
    return e;
  }

  /** A pharmacy item whose insurance sales go partly unrecorded (STOCK_MISMATCH, billing side). */
  private missesSales(inst: number, item: number): boolean {
    return this.inj.enabled && mix32(this.seed, 0x570c, inst, item) / 4294967296 < this.inj.rate('STOCK_MISMATCH') / 2;
  }

  /** A pharmacy item whose purchases fall short of its sales (STOCK_MISMATCH, stock side). */
  private shortOfPurchases(inst: number, item: number): boolean {
    return this.inj.enabled && mix32(this.seed, 0x570d, inst, item) / 4294967296 < this.inj.rate('STOCK_MISMATCH') / 2;
  }

  billed(inst: number, item: number, cnt: number): void {
    this.entry(inst, item).billed += cnt;
  }

  /** Records a sale; returns false when the sale is left out of inv_sale on purpose. */
  recordSale(inst: number, item: number, cnt: number, month: number, insured: boolean): boolean {
    const e = this.entry(inst, item);
    if (insured && this.missesSales(inst, item) && (mix32(e.billed, item, 0x51) & 3) === 0) return false;
    e.all += cnt;
    if (insured) e.insured += cnt;
    e.monthly[month] = (e.monthly[month] ?? 0) + cnt;
    return true;
  }

  writePurchasesAndStock(calendar: Calendar, purc: PartWriter, stock: PartWriter, labels: LabelWriter, pharmacies: Institution[]): void {
    const rng = new Rng(this.seed, 0x570e, this.shard);
    const byInst = new Map(pharmacies.map((p) => [p.index, p]));
    const keys = [...this.entries.keys()].sort((a, b) => {
      const [ia, ta] = a.split('|').map(Number);
      const [ib, tb] = b.split('|').map(Number);
      return ia! - ib! || ta! - tb!;
    });
    for (const k of keys) {
      const e = this.entries.get(k)!;
      const inst = byInst.get(e.inst);
      if (!inst) continue;
      const it = this.cat.items[e.item]!;
      const short = e.all >= 20 && this.shortOfPurchases(e.inst, e.item);
      const opening = short ? Math.floor(e.all * 0.05) : Math.ceil(e.all * (0.1 + 0.2 * rng.next())) + 2;
      stock.row(`${inst.code},${it.code},${calendar.date(0)},${qty(opening)}`);
      // Purchases: each month what that month sells and a little more; short items get about 80 % of it.
      const cost = Math.round((it.capLv3 ?? it.price) * 0.8 * 100) / 100;
      let bought = 0;
      let balance = opening;
      for (let m = 0; m < calendar.months; m++) {
        const sold = e.monthly[m] ?? 0;
        if (sold > 0) {
          const n = short ? Math.floor(sold * 0.8) : Math.ceil(sold * 1.1) + 1;
          if (n > 0) {
            const day = calendar.monthStarts[m]! + rng.int(0, 2);
            purc.row(
              `${inst.code},${it.code},${calendar.time(day * 86_400 + 9 * 3600 + rng.int(0, 7200))},${qty(n)},${money(cost)},${SUPPLIERS[rng.int(0, SUPPLIERS.length - 1)]},${`LOT${calendar.date(day).replace(/-/g, '')}${rng.int(100, 999)}`}`,
            );
            bought += n;
            balance += n;
          }
          balance -= sold;
        }
        if (m % 3 === 2 && m < calendar.months - 1)
          stock.row(`${inst.code},${it.code},${calendar.date(calendar.monthStarts[m + 1]!)},${qty(Math.max(0, balance))}`);
      }
      // The rule's arithmetic decides the label (opening count on the earliest stocktake; all sales from then on).
      const base = opening + bought;
      const stockShort = e.all - base > 0.05 * base && e.all - base > 2;
      const billedOver = e.billed - e.insured > 0.05 * e.insured && e.billed - e.insured > 2;
      if (stockShort || billedOver) labels.add('STOCK_MISMATCH', { fixmedins_code: inst.code, med_list_codg: it.code });
    }
  }
}
