/**
 * Demo products, inserted at startup when SEED_DEMO_DATA=true and the table is empty.
 * Names deliberately include apostrophes and ampersands: search, escaping and the SVG
 * renderer must cope with them. "Last One Lamp" has a single unit for the
 * concurrency demo (many buyers, one lamp, exactly one order).
 */
export interface SeedProduct {
  name: string;
  description: string;
  category: string;
  priceCents: number;
  stock: number;
}

export const LAST_ONE_LAMP = 'Last One Lamp';

export const SEED_PRODUCTS: readonly SeedProduct[] = [
  // Books
  { category: 'Books', name: "O'Reilly Field Guide", description: 'A pocket guide to North American birds, with range maps and 600 colour plates.', priceCents: 2499, stock: 24 },
  { category: 'Books', name: 'The Quiet Kitchen', description: 'Seasonal recipes for slow weekends, from sourdough to stews.', priceCents: 3200, stock: 18 },
  { category: 'Books', name: 'Patterns of Small Systems', description: 'Essays on building software that stays understandable as it grows.', priceCents: 4150, stock: 12 },
  { category: 'Books', name: "A Sailor's Almanac", description: 'Tides, knots, weather lore and star charts for coastal cruising.', priceCents: 2795, stock: 9 },
  { category: 'Books', name: 'Maps & Legends', description: 'Illustrated history of cartography, from clay tablets to satellites.', priceCents: 3899, stock: 15 },
  { category: 'Books', name: 'Night Garden Poems', description: 'A slim hardback collection of poems about moths, moonflowers and insomnia.', priceCents: 1650, stock: 30 },
  { category: 'Books', name: "The Beekeeper's Year", description: 'Month-by-month guidance for a first hive, with checklists.', priceCents: 2250, stock: 21 },
  // Music
  { category: 'Music', name: 'Rock & Roll Vinyl', description: 'A 180 g double LP of classic 1950s rock & roll singles, remastered.', priceCents: 3499, stock: 14 },
  { category: 'Music', name: 'Blue Note Sessions', description: 'Six late-night jazz recordings on heavyweight vinyl with gatefold sleeve.', priceCents: 2999, stock: 11 },
  { category: 'Music', name: 'Acoustic Guitar Strings', description: 'Phosphor bronze light gauge strings, 12-53, three sets.', priceCents: 1899, stock: 48 },
  { category: 'Music', name: 'Kalimba Thumb Piano', description: '17-key mahogany kalimba with tuning hammer and carry bag.', priceCents: 4200, stock: 16 },
  { category: 'Music', name: 'Studio Headphones', description: 'Closed-back monitoring headphones with a detachable coiled cable.', priceCents: 12900, stock: 10 },
  { category: 'Music', name: 'Harmonica in C', description: 'Ten-hole diatonic harmonica with a stainless steel cover plate.', priceCents: 3600, stock: 27 },
  { category: 'Music', name: "Drummer's Practice Pad", description: 'Dual-sided 12 inch pad with gum rubber surface and stand mount.', priceCents: 3850, stock: 13 },
  // Home
  { category: 'Home', name: LAST_ONE_LAMP, description: 'A hand-thrown ceramic table lamp. Only one was ever made: be quick.', priceCents: 8900, stock: 1 },
  { category: 'Home', name: 'Linen Throw Blanket', description: 'Stonewashed Belgian linen throw, 130 × 170 cm, in oat.', priceCents: 7900, stock: 19 },
  { category: 'Home', name: 'Bed & Breakfast Tray', description: 'Oak serving tray with folding legs, for slow mornings.', priceCents: 5400, stock: 8 },
  { category: 'Home', name: 'Wool Felt Coasters', description: 'Set of six 5 mm merino felt coasters in assorted greys.', priceCents: 1800, stock: 42 },
  { category: 'Home', name: 'Beeswax Pillar Candle', description: 'Pure beeswax candle with a cotton wick, about 60 hours of burn time.', priceCents: 2200, stock: 35 },
  { category: 'Home', name: 'Terracotta Plant Pot', description: 'Unglazed 18 cm pot with saucer, made in Impruneta.', priceCents: 2600, stock: 23 },
  { category: 'Home', name: 'Wall Clock, Station Style', description: 'Silent-sweep 30 cm railway clock with an aluminium case.', priceCents: 6900, stock: 7 },
  // Kitchen
  { category: 'Kitchen', name: 'Cast Iron Skillet', description: 'Pre-seasoned 26 cm skillet that goes from hob to oven to campfire.', priceCents: 4500, stock: 20 },
  { category: 'Kitchen', name: 'Salt & Pepper Mills', description: 'A pair of walnut mills with adjustable ceramic grinders.', priceCents: 5200, stock: 17 },
  { category: 'Kitchen', name: 'Pour-Over Coffee Set', description: 'Glass dripper, carafe and 100 filters for a clean, bright cup.', priceCents: 3900, stock: 22 },
  { category: 'Kitchen', name: "Chef's Knife 20 cm", description: 'Forged stainless steel chef knife with a full tang and pakkawood handle.', priceCents: 8900, stock: 12 },
  { category: 'Kitchen', name: 'Bamboo Cutting Board', description: 'End-grain bamboo board with juice groove, 40 × 28 cm.', priceCents: 3100, stock: 26 },
  { category: 'Kitchen', name: 'Enamel Dutch Oven', description: 'Five litre enamelled cast iron casserole for braises and bread.', priceCents: 11900, stock: 6 },
  { category: 'Kitchen', name: 'Fermentation Crock', description: 'Two litre stoneware crock with water-seal lid and weights.', priceCents: 4800, stock: 9 },
  // Outdoors
  { category: 'Outdoors', name: 'Trail Running Vest', description: 'Five litre hydration vest with two soft flasks and a whistle.', priceCents: 9500, stock: 14 },
  { category: 'Outdoors', name: 'Camp Stove & Pot Kit', description: 'Ultralight canister stove with a nesting titanium pot.', priceCents: 7400, stock: 11 },
  { category: 'Outdoors', name: 'Headlamp 400', description: 'Rechargeable 400 lumen headlamp with a red night-vision mode.', priceCents: 4400, stock: 33 },
  { category: 'Outdoors', name: 'Merino Hiking Socks', description: 'Cushioned merino wool socks, two pairs, sizes 39 to 46.', priceCents: 2400, stock: 50 },
  { category: 'Outdoors', name: 'Packable Rain Shell', description: 'Waterproof breathable jacket that packs into its own pocket.', priceCents: 13900, stock: 10 },
  { category: 'Outdoors', name: 'Folding Camp Chair', description: 'Aluminium frame chair with a cup holder, 1.1 kg.', priceCents: 5900, stock: 18 },
  { category: 'Outdoors', name: "Angler's Tackle Box", description: 'Two-tray tackle box with adjustable dividers and a rust-proof latch.', priceCents: 3300, stock: 15 },
  // Electronics
  { category: 'Electronics', name: 'Pocket Radio', description: 'AM/FM/DAB radio with a speaker, headphone jack and USB-C charging.', priceCents: 4900, stock: 16 },
  { category: 'Electronics', name: 'Mechanical Keyboard', description: 'Tenkeyless keyboard with tactile switches and PBT keycaps.', priceCents: 10900, stock: 9 },
  { category: 'Electronics', name: 'USB-C Charging Hub', description: 'Four-port 65 W desktop charger for laptop, phone and tablet.', priceCents: 5900, stock: 28 },
  { category: 'Electronics', name: 'E-Ink Reader', description: 'Six inch glare-free reader with warm light and weeks of battery.', priceCents: 12900, stock: 12 },
  { category: 'Electronics', name: 'Bluetooth Speaker', description: 'Splash-proof speaker with 12 hours of playback.', priceCents: 6900, stock: 21 },
  { category: 'Electronics', name: 'Smart Plug Twin Pack', description: 'Two Wi-Fi plugs with energy monitoring and local control.', priceCents: 2900, stock: 40 },
  { category: 'Electronics', name: 'Film & Photo Scanner', description: 'Converts 35 mm negatives and slides to 22 megapixel images.', priceCents: 9900, stock: 5 },
  // Toys
  { category: 'Toys', name: 'Wooden Marble Run', description: 'Beech wood marble run with 60 pieces and 20 glass marbles.', priceCents: 6400, stock: 10 },
  { category: 'Toys', name: 'Strategy Board Game', description: 'Trading, building and a little betrayal, for 2 to 5 players.', priceCents: 4500, stock: 17 },
  { category: 'Toys', name: '1000 Piece Jigsaw: Harbour', description: 'A 1000 piece jigsaw of a Cornish harbour at dusk.', priceCents: 2100, stock: 25 },
  { category: 'Toys', name: "Kids' Paint Set", description: 'Twelve washable paints, three brushes and an apron.', priceCents: 1900, stock: 31 },
];
