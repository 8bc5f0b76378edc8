import { useMemo, useState, type HTMLAttributes } from 'react';
import { Card, Descriptions, Empty, Space, Switch, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { FindingDecision, FeeLine, FindingDetail, PersonInfo, VisitDetail } from '../../api/types';
import { Money } from '../../components/Money';
import { LevelTag, RoleTag } from '../../components/Tags';
import { DASH, useI18n } from '../../i18n';
import { findingsHref } from '../../lib/query';
import { Link } from '../../lib/router';

const LINES_PAGE = 100;

export function RuleCard({ rule }: { rule: FindingDetail['rule'] }) {
  const { t, ruleName } = useI18n();
  return (
    <Card title={t('detail.rule')} size="small" className="fg-section" data-testid="rule-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text code>{rule.code}</Typography.Text>
          <Typography.Text strong>{ruleName(rule)}</Typography.Text>
          <LevelTag level={rule.level} />
        </Space>
        <div>
          <Typography.Text type="secondary">{t('detail.definition')}：</Typography.Text>
          <Typography.Paragraph style={{ marginBottom: 0 }}>{rule.definition}</Typography.Paragraph>
        </div>
        <div>
          <Typography.Text type="secondary">{t('detail.key')}：</Typography.Text>
          {rule.key.map((k) => (
            <Tag key={k}>{k}</Tag>
          ))}
        </div>
        {rule.params.length ? (
          <Table
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={rule.params}
            data-testid="rule-params"
            columns={[
              {
                key: 'name',
                title: t('detail.paramName'),
                render: (_, p) => (
                  <Tooltip title={p.description}>
                    <Typography.Text code>{p.name}</Typography.Text>
                  </Tooltip>
                ),
              },
              { key: 'value', title: t('detail.paramValue'), align: 'right', render: (_, p) => <span className="fg-num">{p.value}</span> },
              {
                key: 'default',
                title: t('detail.paramDefault'),
                align: 'right',
                render: (_, p) => <span className="fg-num">{p.default}</span>,
              },
              { key: 'desc', title: t('detail.paramDesc'), render: (_, p) => p.description },
            ]}
          />
        ) : null}
      </Space>
    </Card>
  );
}

/** A section of the evidence with nothing to show: its title and what is missing. */
function EmptyCard({ title, text }: { title: string; text: string }) {
  return (
    <Card title={title} size="small" className="fg-section">
      <Empty description={text} image={Empty.PRESENTED_IMAGE_SIMPLE} />
    </Card>
  );
}

export function PersonCard({ person }: { person: PersonInfo | null }) {
  const { t, label, fmt } = useI18n();
  if (!person) return <EmptyCard title={t('detail.person')} text={t('detail.noPerson')} />;
  return (
    <Card
      title={t('detail.person')}
      size="small"
      className="fg-section"
      data-testid="person-card"
      extra={
        person.masked ? (
          <Tooltip title={t('detail.maskedHint')}>
            <Tag color="default" data-testid="masked-hint">
              {t('detail.masked')}
            </Tag>
          </Tooltip>
        ) : null
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'psn', label: t('finding.psnNo'), children: <Link to={findingsHref({ q: person.psnNo })}>{person.psnNo}</Link> },
          { key: 'gend', label: t('detail.gend'), children: label('gend', person.gend) },
          { key: 'age', label: t('detail.age'), children: person.age === null ? DASH : t('detail.ageValue', { n: person.age }) },
          { key: 'brdy', label: t('detail.brdy'), children: person.brdy ?? DASH },
          { key: 'certno', label: t('detail.certno'), children: <span className="fg-num">{person.certno ?? DASH}</span> },
          { key: 'insutype', label: t('detail.insutype'), children: label('insutype', person.insutype) },
          { key: 'addr', label: t('detail.addrAdmdvs'), children: person.addrAdmdvs ?? DASH },
          ...(person.deathDate
            ? [
                {
                  key: 'death',
                  label: t('detail.deathDate'),
                  children: <Typography.Text type="danger">{fmt.date(person.deathDate)}</Typography.Text>,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function FeeLinesTable({ lines }: { lines: FeeLine[] }) {
  const { t, fmt, label } = useI18n();
  const [onlyOffending, setOnlyOffending] = useState(false);
  const shown = useMemo(() => (onlyOffending ? lines.filter((l) => l.offending) : lines), [lines, onlyOffending]);
  const offendingCount = useMemo(() => lines.filter((l) => l.offending).length, [lines]);
  // Open on the page holding the first offending line.
  const firstPage = useMemo(() => {
    const i = shown.findIndex((l) => l.offending);
    return i < 0 ? 1 : Math.floor(i / LINES_PAGE) + 1;
  }, [shown]);
  const [page, setPage] = useState<number | null>(null);

  const columns: TableColumnsType<FeeLine> = [
    { key: 'flag', title: '', width: 64, render: (_, l) => (l.offending ? <Tag color="red">{t('detail.offending')}</Tag> : null) },
    { key: 'time', title: t('detail.lineTime'), width: 140, render: (_, l) => fmt.dateTime(l.time) },
    { key: 'sn', title: t('finding.feedetlSn'), dataIndex: 'feedetlSn' },
    { key: 'codg', title: t('finding.medListCodg'), render: (_, l) => <Typography.Text code>{l.medListCodg}</Typography.Text> },
    { key: 'name', title: t('detail.itemName'), render: (_, l) => l.itemName ?? DASH },
    { key: 'type', title: t('detail.chargeType'), render: (_, l) => label('chargeType', l.chargeType) },
    { key: 'cnt', title: t('detail.cnt'), align: 'right', render: (_, l) => <span className="fg-num">{fmt.number(l.cnt)}</span> },
    { key: 'pric', title: t('detail.pric'), align: 'right', render: (_, l) => <Money value={l.pric} /> },
    { key: 'amount', title: t('detail.lineAmount'), align: 'right', render: (_, l) => <Money value={l.amount} /> },
    { key: 'ownpay', title: t('detail.ownpay'), align: 'right', render: (_, l) => <Money value={l.ownpay} /> },
    { key: 'days', title: t('detail.prdDays'), align: 'right', render: (_, l) => (l.prdDays === null ? DASH : fmt.count(l.prdDays)) },
    { key: 'rxno', title: t('detail.rxno'), render: (_, l) => l.rxno ?? DASH },
    { key: 'doctor', title: t('detail.doctor'), render: (_, l) => l.doctor ?? DASH },
    { key: 'dept', title: t('detail.dept'), render: (_, l) => l.dept ?? DASH },
  ];

  return (
    <div data-testid="fee-lines">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Text type="secondary">
          {t('detail.linesCount', { n: fmt.count(lines.length), k: fmt.count(offendingCount) })}
        </Typography.Text>
        {offendingCount > 0 ? (
          <label>
            <Space>
              <Switch
                size="small"
                checked={onlyOffending}
                onChange={(v) => {
                  setOnlyOffending(v);
                  setPage(null);
                }}
                data-testid="only-offending"
              />
              {t('detail.onlyOffending')}
            </Space>
          </label>
        ) : null}
      </Space>
      <Table<FeeLine>
        size="small"
        rowKey="feedetlSn"
        columns={columns}
        dataSource={shown}
        scroll={{ x: 'max-content' }}
        className="fg-nowrap"
        rowClassName={(l) => (l.offending ? 'fg-offending' : '')}
        onRow={(l) => ({ 'data-testid': l.offending ? 'offending-line' : 'fee-line' }) as HTMLAttributes<HTMLElement>}
        pagination={
          shown.length > LINES_PAGE
            ? { current: page ?? firstPage, pageSize: LINES_PAGE, showSizeChanger: false, onChange: setPage }
            : false
        }
      />
    </div>
  );
}

export function VisitCard({ visit }: { visit: VisitDetail | null }) {
  const { t, label, fmt } = useI18n();
  if (!visit) return <EmptyCard title={t('detail.visit')} text={t('detail.noVisit')} />;
  return (
    <Card title={t('detail.visit')} size="small" className="fg-section" data-testid="visit-card">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'id', label: t('finding.mdtrtId'), children: <Link to={findingsHref({ q: visit.mdtrtId })}>{visit.mdtrtId}</Link> },
          { key: 'type', label: t('detail.medType'), children: `${label('medType', visit.medType)} (${visit.medType})` },
          {
            key: 'inst',
            label: t('finding.institution'),
            children: (
              <Link to={`/institutions/${encodeURIComponent(visit.fixmedinsCode)}`}>{visit.institutionName ?? visit.fixmedinsCode}</Link>
            ),
          },
          { key: 'begin', label: t('detail.begntime'), children: fmt.dateTime(visit.begntime) },
          { key: 'end', label: t('detail.endtime'), children: fmt.dateTime(visit.endtime) },
          {
            key: 'diag',
            label: t('detail.diagnoses'),
            children: visit.diagnoses.length ? (
              <Space size={[4, 4]} wrap data-testid="diagnoses">
                {visit.diagnoses.map((d) => (
                  <Tag key={d.code} color={d.main ? 'blue' : undefined} data-main={d.main || undefined}>
                    {d.code}
                    {d.main ? ` · ${t('detail.mainDiag')}` : ''}
                  </Tag>
                ))}
              </Space>
            ) : (
              DASH
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('detail.settlements')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="setlId"
        pagination={false}
        dataSource={visit.settlements}
        scroll={{ x: 'max-content' }}
        className="fg-nowrap"
        data-testid="settlements"
        columns={[
          { key: 'id', title: t('finding.setlId'), dataIndex: 'setlId' },
          { key: 'type', title: t('detail.medType'), render: (_, s) => label('medType', s.medType) },
          { key: 'time', title: t('detail.setlTime'), render: (_, s) => fmt.dateTime(s.setlTime) },
          { key: 'total', title: t('detail.total'), align: 'right', render: (_, s) => <Money value={s.total} /> },
          { key: 'fund', title: t('detail.fundPaid'), align: 'right', render: (_, s) => <Money value={s.fundPaid} /> },
          { key: 'acct', title: t('detail.account'), align: 'right', render: (_, s) => <Money value={s.account} /> },
          { key: 'cash', title: t('detail.cash'), align: 'right', render: (_, s) => <Money value={s.cash} /> },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('detail.lines')}
      </Typography.Title>
      <FeeLinesTable lines={visit.lines} />
    </Card>
  );
}

export function OtherVisitsCard({ visits }: { visits: FindingDetail['otherVisits'] }) {
  const { t, label, fmt } = useI18n();
  return (
    <Card title={t('detail.otherVisits')} size="small" className="fg-section" data-testid="other-visits">
      <Table
        size="small"
        rowKey="mdtrtId"
        dataSource={visits}
        pagination={visits.length > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{ emptyText: t('detail.noOtherVisits') }}
        scroll={{ x: 'max-content' }}
        className="fg-nowrap"
        columns={[
          { key: 'id', title: t('finding.mdtrtId'), render: (_, v) => v.mdtrtId },
          { key: 'type', title: t('detail.medType'), render: (_, v) => label('medType', v.medType) },
          { key: 'begin', title: t('detail.begntime'), render: (_, v) => fmt.dateTime(v.begntime) },
          { key: 'end', title: t('detail.endtime'), render: (_, v) => fmt.dateTime(v.endtime) },
          {
            key: 'inst',
            title: t('finding.institution'),
            render: (_, v) => (
              <Link to={`/institutions/${encodeURIComponent(v.fixmedinsCode)}`}>{v.institutionName ?? v.fixmedinsCode}</Link>
            ),
          },
          { key: 'total', title: t('detail.total'), align: 'right', render: (_, v) => <Money value={v.total} /> },
          { key: 'fund', title: t('detail.fundPaid'), align: 'right', render: (_, v) => <Money value={v.fundPaid} /> },
          {
            key: 'findings',
            title: t('detail.visitFindings'),
            align: 'right',
            render: (_, v) =>
              v.findings > 0 ? <Link to={findingsHref({ q: v.mdtrtId })}>{fmt.count(v.findings)}</Link> : fmt.count(v.findings),
          },
        ]}
      />
    </Card>
  );
}

export function PharmacyCard({ sales, stock }: { sales: FindingDetail['sales']; stock: FindingDetail['stock'] }) {
  const { t, fmt } = useI18n();
  if (!sales.length && !stock) return null;
  return (
    <>
      {sales.length ? (
        <Card title={t('detail.sales')} size="small" className="fg-section" data-testid="sales">
          <Table
            size="small"
            rowKey={(s) => `${s.rtalDocno}|${s.medListCodg}|${s.selTime}`}
            dataSource={sales}
            pagination={sales.length > 50 ? { pageSize: 50 } : false}
            scroll={{ x: 'max-content' }}
            className="fg-nowrap"
            columns={[
              { key: 'doc', title: t('finding.rtalDocno'), dataIndex: 'rtalDocno' },
              { key: 'codg', title: t('finding.medListCodg'), render: (_, s) => <Typography.Text code>{s.medListCodg}</Typography.Text> },
              { key: 'name', title: t('detail.itemName'), render: (_, s) => s.itemName ?? DASH },
              { key: 'time', title: t('detail.selTime'), render: (_, s) => fmt.dateTime(s.selTime) },
              { key: 'cnt', title: t('detail.selCnt'), align: 'right', render: (_, s) => fmt.number(s.selCnt) },
              { key: 'price', title: t('detail.price'), align: 'right', render: (_, s) => <Money value={s.price} /> },
              { key: 'insured', title: t('detail.insured'), render: (_, s) => (s.insured ? t('common.yes') : t('common.no')) },
              {
                key: 'rx',
                title: t('detail.rxFlag'),
                render: (_, s) => (s.rxFlag ? <Tag color="orange">{t('common.yes')}</Tag> : t('common.no')),
              },
              { key: 'rxno', title: t('detail.rxno'), render: (_, s) => s.rxno ?? <Typography.Text type="danger">{DASH}</Typography.Text> },
            ]}
          />
        </Card>
      ) : null}
      {stock ? (
        <Card title={t('detail.stock')} size="small" className="fg-section" data-testid="stock">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3, xl: 5 }}
            items={[
              { key: 'open', label: t('detail.openingStock'), children: fmt.number(stock.openingStock) },
              { key: 'buy', label: t('detail.purchases'), children: fmt.number(stock.purchases) },
              { key: 'sell', label: t('detail.salesQty'), children: fmt.number(stock.sales) },
              { key: 'ins', label: t('detail.insuredSales'), children: fmt.number(stock.insuredSales) },
              {
                key: 'billed',
                label: t('detail.billed'),
                children: (
                  <Typography.Text strong type={stock.billed > stock.openingStock + stock.purchases ? 'danger' : undefined}>
                    {fmt.number(stock.billed)}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </Card>
      ) : null}
    </>
  );
}

export function HistoryTimeline({ history }: { history: FindingDecision[] }) {
  const { t, fmt } = useI18n();
  if (!history.length) return <Typography.Text type="secondary">{t('detail.noHistory')}</Typography.Text>;
  const color = (d: FindingDecision) =>
    d.action === 'confirm' ? 'red' : d.action === 'dismiss' ? 'gray' : d.action === 'respond' ? 'green' : 'blue';
  return (
    <Timeline
      data-testid="decision-history"
      items={history.map((d) => ({
        key: d.id,
        color: color(d),
        title: fmt.dateTime(d.at),
        content: (
          <div data-testid="decision-entry" data-action={d.action}>
            <Space size={4} wrap>
              <Typography.Text strong>{t(`action.${d.action}`)}</Typography.Text>
              <span>·</span>
              <span>{d.actor}</span>
              <RoleTag role={d.actorRole} />
            </Space>
            {d.assignee ? (
              <div>
                <Typography.Text type="secondary">{t('detail.historyAssignee', { name: d.assignee })}</Typography.Text>
              </div>
            ) : null}
            {d.reason ? <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{d.reason}</Typography.Paragraph> : null}
          </div>
        ),
      }))}
    />
  );
}
