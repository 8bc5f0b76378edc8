import type { ReactNode } from 'react';
import { Space, Tooltip, Typography } from 'antd';

/** Small grey type: what qualifies a value, a field's hint. */
export function Hint({ children, code, className, testId }: { children: ReactNode; code?: boolean; className?: string; testId?: string }) {
  return (
    <Typography.Text type="secondary" code={code} className={className} style={{ fontSize: 12 }} data-testid={testId}>
      {children}
    </Typography.Text>
  );
}

/**
 * A table cell of two lines: the value, and under it as a hint what qualifies it (none: one line); `right` for
 * figures, `numeric` and `code` for the hint's type.
 */
export function Stacked({
  children,
  sub,
  right,
  numeric,
  code,
}: {
  children: ReactNode;
  sub: ReactNode;
  right?: boolean;
  numeric?: boolean;
  code?: boolean;
}) {
  return (
    <Space orientation="vertical" size={0} style={right ? { alignItems: 'flex-end' } : undefined}>
      {children}
      {sub === null || sub === undefined ? null : (
        <Hint code={code} className={numeric ? 'fg-num' : undefined}>
          {sub}
        </Hint>
      )}
    </Space>
  );
}

/** A term explained on hover (dotted underline): a column title, a figure's name. */
export function Explained({ children, hint }: { children: ReactNode; hint: ReactNode }) {
  return (
    <Tooltip title={hint}>
      <span className="fg-hint">{children}</span>
    </Tooltip>
  );
}
