import { Fragment } from 'react';
import { Link } from '../lib/router';
import { Stacked } from './Hint';

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
    <Stacked
      sub={
        <>
          {code}
          {more.map((m, i) => (
            <Fragment key={i}> · {m}</Fragment>
          ))}
        </>
      }
    >
      <Link to={institutionHref(code, indicator)} data-testid={testId}>
        {name ?? code}
      </Link>
    </Stacked>
  );
}
