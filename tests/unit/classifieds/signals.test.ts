import { describe, expect, it } from 'vitest';
import { headingCategory, hostCategory, pathCategory } from '../../../utils/classifieds/lexicon';
import { itemScore, SIG, textCategory, textSignals } from '../../../utils/classifieds/signals';

const has = (text: string, flag: number) => (textSignals(text) & flag) !== 0;

describe('text signals', () => {
  it('recognises structured prices, ad lines and places', () => {
    expect(has('120 600€', SIG.PRICE_STRUCT)).toBe(true);
    expect(has('1\u202f050 € / mois', SIG.PRICE_STRUCT)).toBe(true);
    expect(has('Évreux · 45 m² · 650 € CC', SIG.PRICE_STRUCT)).toBe(true);
    expect(has('Le prix moyen atteint 265 000 € à Caen.', SIG.PRICE_STRUCT)).toBe(false);
    expect(has('Maison à vendre Carantilly Carantilly (50570) 120 600€ Découvrir', SIG.AD_LINE)).toBe(true);
    expect(has('Caen (14000) : 2 850 €/m²', SIG.AD_LINE)).toBe(false);
    expect(has('Perros-Guirec (22)', SIG.POSTCODE)).toBe(true);
  });

  it('recognises category facts, including words ending in accents', () => {
    expect(has('Constitution de société', SIG.LEGAL)).toBe(true);
    expect(has('EURL Penn Ar Bed, RCS Quimper.', SIG.LEGAL)).toBe(true);
    expect(has('SARL Ar Mor, capital 8 000 €, transféré', SIG.LEGAL)).toBe(true);
    expect(has('SERVEURS H/F', SIG.HF)).toBe(true);
    expect(has('CDI - SUPER U CHATEAUBOURG', SIG.JOB)).toBe(true);
    expect(has('Camping-car Fiat Ducato 1.9 TD 2001', SIG.VEHICLE)).toBe(true);
    expect(has('Peugeot 308 1.5 BlueHDi 130', SIG.VEHICLE)).toBe(true);
    expect(has('Toyota Yaris Électrique', SIG.VEHICLE)).toBe(true);
    expect(has('Appartement T3 72 m²', SIG.PROPERTY)).toBe(true);
    expect(has('À louer T2 centre-ville', SIG.TRANSACTION)).toBe(true);
    expect(has('Obsèques le 14 mars', SIG.OBIT)).toBe(true);
    expect(has("Lire l'avis", SIG.CTA)).toBe(true);
    expect(has('Samedi 14 mars, 20 h 30', SIG.EVENT)).toBe(true);
    expect(textSignals('Le conseil municipal a voté le budget.')).toBe(0);
  });

  it('scores ads above prose and agendas', () => {
    expect(itemScore(textSignals('Carantilly (50570) 120 600€'))).toBeGreaterThanOrEqual(2);
    expect(itemScore(textSignals('Le prix du m² à Rouen passe sous les 2 500 €'))).toBeLessThan(1.5);
    const agenda = textSignals('Caen (14000)') | textSignals('Samedi 14 mars, 20 h 30') | textSignals('25 €');
    expect(itemScore(agenda)).toBeLessThan(2);
  });

  it('categorises item text', () => {
    expect(textCategory(textSignals('Grand C4 Spacetourer Blue HDi'))).toBe('automobile');
    expect(textCategory(textSignals('2 900€'))).toBe('bonnes-affaires');
    // Goods words before a make or a fuel; mileage, never a distance.
    expect(textCategory(textSignals('Motoculteur Honda F220 avec fraise'))).toBe('bonnes-affaires');
    expect(textCategory(textSignals('Vélo électrique Moustache Samedi 28'))).toBe('bonnes-affaires');
    expect(textCategory(textSignals('2023 · 50 900 km · Hybride'))).toBe('automobile');
    expect(has('Chambres d’hôtes à 5 km de Morlaix', SIG.VEHICLE)).toBe(false);
    expect(
      textCategory(textSignals('Loue gîte 6 personnes, 3 chambres') | textSignals('850 € la semaine')),
    ).toBe('autre');
    // A job ad may name a company form; "H/F" makes it a job.
    expect(textCategory(textSignals('Ouvrier agricole H/F — EARL des Jardins, constitution'))).toBe('emploi');
  });
});

describe('hosts, paths and headings', () => {
  it('maps classifieds hosts to categories', () => {
    expect(hostCategory('www.ouestfrance-emploi.com')).toBe('emploi');
    expect(hostCategory('www.libramemoria.com')).toBe('avis-de-deces');
    expect(hostCategory('annonces-legales.20minutes.fr')).toBe('annonces-legales');
    expect(hostCategory('immo.example-annonces.fr')).toBe('immobilier');
    expect(hostCategory('auto.example-annonces.fr')).toBe('automobile');
    expect(hostCategory('www.leboncoin.fr')).toBe('autre');
    expect(hostCategory('www.ouest-france.fr')).toBeNull();
    expect(hostCategory('www.lemonde.fr')).toBeNull();
  });

  it('maps site-internal classifieds paths, not news paths about deaths', () => {
    expect(pathCategory('/avis-de-deces/quimper/marie-12345')).toBe('avis-de-deces');
    expect(pathCategory('/annonces-legales/123')).toBe('annonces-legales');
    expect(pathCategory('/faits-divers/deces-d-un-motard-a-vire')).toBeNull();
    expect(pathCategory('/economie/immobilier-les-prix-baissent')).toBeNull();
  });

  it('reads block headings', () => {
    expect(headingCategory('Petites Annonces')).toBeNull();
    expect(headingCategory("Offres d'emploi")).toBe('emploi');
    expect(headingCategory('Avis de décès')).toBe('avis-de-deces');
    expect(headingCategory('Carnet')).toBe('avis-de-deces');
    expect(headingCategory('Annonces Légales')).toBe('annonces-legales');
    expect(headingCategory('Bonnes affaires')).toBe('bonnes-affaires');
    expect(headingCategory('Les plus lus')).toBeUndefined();
    expect(headingCategory('Sur le même sujet')).toBeUndefined();
  });
});
