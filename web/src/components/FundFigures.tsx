import { Card, Col, Row, Statistic } from 'antd';
import { useI18n } from '../i18n';

/** The key figures of the city or of an institution, in a row of cards: fund paid, settlements, findings, amount at risk. */
export function FundFigures({
  fundPaid,
  settlements,
  findings,
  amountAtRisk,
  testIdPrefix = '',
}: {
  fundPaid: number;
  settlements: number;
  findings: number;
  amountAtRisk: number;
  /** Before each card's test id (kpi-fund-paid, …). */
  testIdPrefix?: string;
}) {
  const { t, fmt } = useI18n();
  const cards = [
    { id: 'kpi-fund-paid', title: t('overview.fundPaid'), value: fmt.money(fundPaid) },
    { id: 'kpi-settlements', title: t('overview.settlements'), value: fmt.count(settlements) },
    { id: 'kpi-findings', title: t('overview.findings'), value: fmt.count(findings) },
    { id: 'kpi-amount-at-risk', title: t('overview.amountAtRisk'), value: fmt.money(amountAtRisk) },
  ];
  return (
    <Row gutter={[16, 16]} className="fg-section">
      {cards.map((c) => (
        <Col key={c.id} xs={24} sm={12} xl={6}>
          <Card data-testid={`${testIdPrefix}${c.id}`} className="fg-kpi">
            <Statistic title={c.title} value={c.value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
