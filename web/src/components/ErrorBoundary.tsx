import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useI18n } from '../i18n';

function Crashed({ onReset }: { onReset: () => void }) {
  const { t } = useI18n();
  return (
    <Result
      status="500"
      title={t('common.crashed')}
      subTitle={t('common.crashedSub')}
      extra={[
        <Button key="retry" onClick={onReset}>
          {t('common.retry')}
        </Button>,
        <Button key="reload" type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>,
      ]}
    />
  );
}

/** Keeps a failing page from blanking the whole workbench; reset when `resetKey` (the path) changes. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { error: Error | null; key: string | undefined }> {
  override state: { error: Error | null; key: string | undefined } = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: { resetKey?: string }, state: { error: Error | null; key: string | undefined }) {
    if (props.resetKey !== state.key) return { error: null, key: props.resetKey };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Page failed', error, info.componentStack);
  }

  override render() {
    if (this.state.error) return <Crashed onReset={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}
