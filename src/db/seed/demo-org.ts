// The demo municipalities' organisations, as the seed documents describe Norrtälje
// (Verksamhetsplan 2025–2027: the executive board's office and its departments) and a
// small Luleå. Swedish names are data.
import type { OrgUnitKind } from '../schema.ts';

export interface DemoUnit {
  name: string;
  kind: OrgUnitKind;
  children?: DemoUnit[];
}

const unit = (name: string, children?: DemoUnit[]): DemoUnit => ({ name, kind: 'unit', children });
const department = (name: string, children?: DemoUnit[]): DemoUnit => ({ name, kind: 'department', children });

export const NORRTALJE_BOARDS: DemoUnit[] = [
  {
    name: 'Kommunstyrelsen',
    kind: 'board',
    children: [
      {
        name: 'Kommunstyrelsekontoret',
        kind: 'administration',
        children: [
          // The municipal director's own line ("Kommundirektör" in the plan's budget), owner of the
          // board initiative "Revidering av styrmodellen".
          department('Kommundirektör'),
          department('Kansliavdelningen', [unit('Nämndsekretariatet'), unit('Registratur och arkiv')]),
          department('Juridiska avdelningen'),
          department('Ekonomiavdelningen'),
          department('HR-avdelningen'),
          department('Näringsliv och etablering'),
          department('IT-avdelningen'),
          department('Kontaktcenter'),
          department('Kommunikationsavdelningen'),
          department('Räddningstjänsten', [unit('Brandförebyggande enheten')]),
          department('Trygghet och säkerhet'),
          department('Stab och planering', [unit('Hållbarhet')]),
        ],
      },
    ],
  },
  {
    name: 'Byggnadsnämnden',
    kind: 'board',
    children: [
      {
        name: 'Samhällsbyggnadsförvaltningen',
        kind: 'administration',
        children: [department('Bygglovsavdelningen', [unit('Bygglovsenheten'), unit('Kart- och mätenheten')])],
      },
    ],
  },
  {
    name: 'Miljö- och hälsoskyddsnämnden',
    kind: 'board',
    children: [
      {
        name: 'Miljöförvaltningen',
        kind: 'administration',
        children: [department('Miljö- och hälsoskyddsavdelningen', [unit('Livsmedelskontroll'), unit('Miljötillsyn')])],
      },
    ],
  },
  {
    name: 'Tekniska nämnden',
    kind: 'board',
    children: [
      {
        name: 'Tekniska förvaltningen',
        kind: 'administration',
        children: [department('Gata och park'), department('Vatten och avfall')],
      },
    ],
  },
  {
    name: 'Socialnämnden',
    kind: 'board',
    children: [{ name: 'Socialförvaltningen', kind: 'administration', children: [department('Individ- och familjeomsorg')] }],
  },
  {
    name: 'Barn- och skolnämnden',
    kind: 'board',
    children: [{ name: 'Barn- och skolförvaltningen', kind: 'administration', children: [department('Förskola och grundskola')] }],
  },
  {
    name: 'Kultur- och fritidsnämnden',
    kind: 'board',
    children: [{ name: 'Kultur- och fritidsförvaltningen', kind: 'administration', children: [department('Bibliotek')] }],
  },
];

export const LULEA_BOARDS: DemoUnit[] = [
  {
    name: 'Kommunstyrelsen',
    kind: 'board',
    children: [{ name: 'Stadskontoret', kind: 'administration', children: [department('Kontaktcenter')] }],
  },
  {
    name: 'Stadsbyggnadsnämnden',
    kind: 'board',
    children: [{ name: 'Stadsbyggnadsförvaltningen', kind: 'administration', children: [department('Bygglov')] }],
  },
];
