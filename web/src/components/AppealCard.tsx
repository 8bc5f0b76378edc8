import type { ReactNode } from 'react';
import { Card } from 'antd';
import type { Appeal } from '../api/types';

/** An appeal in a card, under the title the page gives it (the case's appeals tab, the institution's decision page). */
export function AppealCard({ appeal, title, children }: { appeal: Appeal; title: ReactNode; children: ReactNode }) {
  return (
    <Card size="small" className="fg-section" data-testid="appeal-item" data-status={appeal.status} title={title}>
      {children}
    </Card>
  );
}
