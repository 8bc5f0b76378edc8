import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Space, Table, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { api } from '../../api/endpoints';
import type { ImportValidation } from '../../api/types';
import { errorMessage } from '../../components/ApiErrorResult';
import { JobProgress, useStartJob } from '../../components/JobProgress';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { useMeta } from '../../lib/meta';
import { Link } from '../../lib/router';

const ACCEPT = ['.csv', '.parquet', '.xlsx'];

interface Picked {
  uid: string;
  file: File;
}

function Report({ report }: { report: ImportValidation }) {
  const { t, fmt } = useI18n();
  const rows = report.tables.reduce((n, x) => n + x.rows - x.rejected, 0);
  return (
    <Card title={t('imports.report')} size="small" className="fg-section" data-testid="import-report" data-valid={report.valid}>
      <Alert
        type={report.valid ? 'success' : 'error'}
        showIcon
        className="fg-section"
        title={report.valid ? t('imports.valid') : t('imports.invalid')}
        description={report.valid ? t('imports.validHint', { rows: fmt.count(rows) }) : t('imports.invalidHint')}
        data-testid="import-valid"
      />
      <Table
        size="small"
        rowKey={(r) => `${r.table}|${r.file}`}
        pagination={false}
        dataSource={report.tables}
        className="fg-section"
        data-testid="import-tables"
        columns={[
          { key: 'table', title: t('imports.table'), render: (_, r) => <Typography.Text code>{r.table}</Typography.Text> },
          { key: 'file', title: t('imports.file'), dataIndex: 'file' },
          { key: 'rows', title: t('imports.rows'), align: 'right', render: (_, r) => fmt.count(r.rows) },
          {
            key: 'rejected',
            title: t('imports.rejected'),
            align: 'right',
            render: (_, r) => (r.rejected ? <Typography.Text type="danger">{fmt.count(r.rejected)}</Typography.Text> : fmt.count(0)),
          },
        ]}
      />
      {report.ignored.length ? (
        <Alert
          type="warning"
          showIcon
          className="fg-section"
          title={t('imports.ignored')}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {report.ignored.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          }
          data-testid="import-ignored"
        />
      ) : null}
      {report.rejectCount > 0 ? (
        <>
          <Typography.Title level={5}>
            {t('imports.rejects')} · {t('imports.rejectCount', { n: fmt.count(report.rejectCount) })}
            {report.rejects.length < report.rejectCount ? t('imports.rejectsShown', { n: fmt.count(report.rejects.length) }) : ''}
          </Typography.Title>
          <Table
            size="small"
            rowKey="key"
            dataSource={report.rejects.map((r, i) => ({ ...r, key: i }))}
            pagination={report.rejects.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            scroll={{ x: 800 }}
            data-testid="import-rejects"
            columns={[
              { key: 'file', title: t('imports.file'), dataIndex: 'file' },
              { key: 'row', title: t('imports.row'), align: 'right', render: (_, r) => (r.row === null ? '—' : fmt.count(r.row)) },
              {
                key: 'column',
                title: t('imports.column'),
                render: (_, r) => (r.column ? <Typography.Text code>{r.column}</Typography.Text> : '—'),
              },
              { key: 'value', title: t('imports.value'), render: (_, r) => r.value ?? '—' },
              { key: 'reason', title: t('imports.reason'), dataIndex: 'reason' },
            ]}
          />
        </>
      ) : null}
    </Card>
  );
}

/** 数据导入: upload the exchange-format tables (or one workbook), read the validation report, then import and screen. */
export default function ImportPage() {
  const { t, fmt } = useI18n();
  const { message } = AntApp.useApp();
  const meta = useMeta();
  const [picked, setPicked] = useState<Picked[]>([]);
  const [pickError, setPickError] = useState<string | null>(null);
  const [validating, setValidating] = useState(false);
  const [report, setReport] = useState<ImportValidation | null>(null);

  const importing = useStartJob((j) => {
    void message.success(
      t('imports.applyDone', {
        rows: fmt.count(j.result?.importedRows ?? 0),
        findings: fmt.count(j.result?.findings ?? 0),
        amount: fmt.money(j.result?.amount ?? 0),
      }),
    );
    meta.reload();
  });
  const { job, error: jobError, running } = importing;

  const check = (files: File[]): string | null => {
    const bad = files.find((f) => !ACCEPT.some((ext) => f.name.toLowerCase().endsWith(ext)));
    if (bad) return t('imports.badType', { name: bad.name });
    if (files.length > 1 && files.some((f) => f.name.toLowerCase().endsWith('.xlsx'))) return t('imports.xlsxAlone');
    return null;
  };

  const validate = async () => {
    const files = picked.map((p) => p.file);
    if (!files.length) {
      setPickError(t('imports.noFiles'));
      return;
    }
    const problem = check(files);
    setPickError(problem);
    if (problem) return;
    setValidating(true);
    setReport(null);
    importing.forget();
    try {
      setReport(await api.validateImport(files));
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setValidating(false);
    }
  };

  const apply = async () => {
    if (report) await importing.start(() => api.applyImport(report.id));
  };

  const fileList: UploadFile[] = picked.map((p) => ({ uid: p.uid, name: p.file.name, size: p.file.size, status: 'done' }));

  return (
    <div data-testid="import-page">
      <PageHeader title={t('imports.title')} />
      <Card size="small" className="fg-section">
        <Typography.Paragraph type="secondary">{t('imports.hint')}</Typography.Paragraph>
        <Upload.Dragger
          multiple
          accept={ACCEPT.join(',')}
          fileList={fileList}
          disabled={validating || running}
          beforeUpload={(file) => {
            setPicked((all) => [...all.filter((p) => p.file.name !== file.name), { uid: file.uid, file }]);
            setReport(null);
            setPickError(null);
            return false; // keep it here; it is sent with the others on "upload and validate"
          }}
          onRemove={(f) => {
            setPicked((all) => all.filter((p) => p.uid !== f.uid));
            setReport(null);
          }}
          data-testid="import-upload"
        >
          <p style={{ fontSize: 16, margin: '8px 0' }}>{t('imports.drag')}</p>
          <p style={{ color: 'rgba(0,0,0,0.45)' }}>{t('imports.dragHint')}</p>
        </Upload.Dragger>
        {pickError ? <Alert type="error" showIcon title={pickError} style={{ marginTop: 12 }} data-testid="import-pick-error" /> : null}
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" onClick={() => void validate()} loading={validating} disabled={running} data-testid="import-validate">
            {t('imports.validate')}
          </Button>
          {report?.valid ? (
            <Button
              type="primary"
              onClick={() => void apply()}
              loading={importing.starting || running}
              disabled={!!job && job.status !== 'failed'}
              data-testid="import-apply"
            >
              {t('imports.apply')}
            </Button>
          ) : null}
        </Space>
      </Card>
      {job ? (
        <Card size="small" className="fg-section">
          <JobProgress job={job} error={jobError} />
          {job.status === 'done' ? (
            <Space style={{ marginTop: 8 }}>
              <Link to="/">{t('nav.overview')}</Link>
              <Link to="/findings">{t('nav.findings')}</Link>
            </Space>
          ) : null}
        </Card>
      ) : null}
      {report ? <Report report={report} /> : null}
    </div>
  );
}
