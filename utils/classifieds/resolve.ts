// Resolution of the accepted candidates into blocks: one block per root, and roots never nest.
import type { Candidate } from './candidates';
import { probability, type ModelParams } from './model';

/**
 * One block per root (the likeliest candidate's category), and roots never nest. The heading makes the
 * block: an outer block gives way to the inner ones when it has no classifieds heading of its own and
 * they have, or when two or more of them announce other categories than its own (a "Petites annonces"
 * box of sub-categories); otherwise it covers what it holds (the notices of a legal-notices box, the
 * cards inside a carousel's slides).
 */
export function resolve(accepted: Candidate[], params: ModelParams): Candidate[] {
  const byRoot = new Map<Element, { c: Candidate; p: number }>();
  for (const c of accepted) {
    const p = probability(c, params);
    const prev = byRoot.get(c.root);
    if (!prev || p > prev.p) byRoot.set(c.root, { c, p });
  }
  const roots = [...byRoot.values()].map((v) => v.c);
  const announces = (c: Candidate) => c.heading !== null && c.heading.category !== undefined;
  const drop = new Set<Candidate>();
  for (const outer of roots) {
    const inner = roots.filter((o) => o !== outer && outer.root.contains(o.root));
    if (inner.length === 0) continue;
    const headed = inner.filter((o) => announces(o) && o.heading!.el !== outer.heading?.el);
    const others = headed.filter(
      (o) => o.heading!.category !== null && o.heading!.category !== outer.category,
    );
    if ((!announces(outer) && headed.length > 0) || others.length >= 2) drop.add(outer);
    else for (const o of inner) drop.add(o);
  }
  return roots.filter((c) => !drop.has(c));
}
