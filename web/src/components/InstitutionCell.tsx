import { Fragment } from 'react';
import { Space, Typography } from 'antd';
import { Link } from '../lib/router';

/** An institution's profile page (`?indicator=` opens its trend on that indicator). */
export function institutionHref(code: string, indicator?: string): string {
  return `/institutions/${encodeURIComponent(code)}${indicator ? `?indicator=${indicator}` : ''}`;
}

/** An institution in a table cell: its name, a link to its profile, over its code and what else the table tells of it. */
export function InstitutionCell({
  code,
  name,
  more = [],
  indicator,
  testId,
}: {
  code: string;
  name: string | null | undefined;
  /** Said after the code: region and grid, kind. */
  more?: string[];
  indicator?: string;
  testId?: string;
}) {
  return (
    <Space orientation="vertical" size={0}>
      <Link to={institutionHref(code, indicator)} data-testid={testId}>
        {name ?? code}
      </Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {code}
        {more.map((m, i) => (
          <Fragment key={i}> · {m}</Fragment>
        ))}
      </Typography.Text>
    </Space>
  );
}
