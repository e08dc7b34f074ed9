import type { Scenario } from './runner.mjs';

export interface ScenarioInfo {
  id: string;
  title: string;
  layer: number;
  layerName: string;
  stoppedMeans: string;
  file: string;
}

export const CATALOG_FILE: string;
export function scenarioCatalog(scenarios: Scenario[]): ScenarioInfo[];
export function catalogModuleText(catalog: ScenarioInfo[]): string;
