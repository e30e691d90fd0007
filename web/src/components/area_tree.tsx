// The lazy area tree: top areas first, children fetched when a node opens.
import {
  levelLabel,
  childAreas,
  expandAll,
  expandedStore,
  setExpanded,
  topAreas,
  treeRevision,
} from '../area_data';
import { useI18n } from '../i18n';
import { href } from '../router';
import { useStore } from '../store';
import type { Area } from '../types';
import { useFetch } from '../use_fetch';

export function AreaTree({ selected }: { selected?: string }) {
  const { t } = useI18n();
  const revision = useStore(treeRevision);
  // The revision is part of the key: after a change the tree is read again.
  const roots = useFetch<Area[]>(`top#${revision}`, {
    load: topAreas,
    // One top area (the usual case in the field): open it straight away.
    onData: (a) => {
      if (a.length === 1 && a[0].child_count > 0 && revision === 0) expandAll([a[0].id]);
    },
  }).data;

  if (!roots) return <p class="muted">{t('common.loading')}</p>;
  return (
    <ul class="tree" data-testid="area-tree" aria-label={t('areas.tree')}>
      {roots.map((a) => (
        <TreeNode key={a.id} area={a} selected={selected} revision={revision} />
      ))}
    </ul>
  );
}

function TreeNode({
  area,
  selected,
  revision,
}: {
  area: Area;
  selected?: string;
  revision: number;
}) {
  const { t } = useI18n();
  const expanded = useStore(expandedStore);
  const open = expanded.has(area.id);
  const children = useFetch<Area[]>(
    open && area.child_count > 0 ? `${area.id}#${revision}` : null,
    { load: () => childAreas(area.id) },
  ).data;

  const hasChildren = area.child_count > 0;
  return (
    <li data-testid="tree-node" data-code={area.code}>
      <div class={selected === area.id ? 'tree-row selected' : 'tree-row'}>
        {hasChildren ? (
          <button
            type="button"
            class="tree-toggle"
            aria-expanded={open}
            aria-label={t(open ? 'areas.collapse' : 'areas.expand', { name: area.name })}
            data-testid="tree-toggle"
            onClick={() => setExpanded(area.id, !open)}
          >
            <span aria-hidden="true" class={open ? 'chev open' : 'chev'} />
          </button>
        ) : (
          <span class="tree-leaf" aria-hidden="true">
            •
          </span>
        )}
        <a
          href={href('areas', area.id)}
          aria-current={selected === area.id ? 'page' : undefined}
          data-testid="tree-link"
        >
          {area.name}
        </a>
        <span class="muted small">{levelLabel(area)}</span>
      </div>
      {open &&
        hasChildren &&
        (children ? (
          <ul class="tree-children">
            {children.map((c) => (
              <TreeNode key={c.id} area={c} selected={selected} revision={revision} />
            ))}
          </ul>
        ) : (
          <p class="muted small tree-loading">{t('common.loading')}</p>
        ))}
    </li>
  );
}
