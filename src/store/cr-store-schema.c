/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cr-store-private.h"

/* The schema, as the ordered list of migrations that built it. A fresh
 * file runs them all; an older file runs those it misses, all in one
 * transaction. Never edit a migration that has shipped: add one.
 *
 * Why the schema version is not in PRAGMA user_version: GeoPackage owns
 * that field (10200 = GeoPackage 1.2, and validators check it), so the
 * app's own version lives in cr_meta.schema_version instead. */

#define GPKG_APPLICATION_ID 0x47504B47 /* "GPKG" */
#define GPKG_USER_VERSION 10200

#define RTREE_TRIGGERS(t, c)                                                                    \
  "CREATE VIRTUAL TABLE rtree_" t "_" c " USING rtree(id, minx, maxx, miny, maxy);"             \
  "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope)"    \
  " VALUES ('" t "', '" c "', 'gpkg_rtree_index',"                                              \
  " 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only');"                       \
  "CREATE TRIGGER rtree_" t "_" c "_insert AFTER INSERT ON " t                                  \
  " WHEN (new." c " NOT NULL AND NOT ST_IsEmpty(NEW." c "))"                                    \
  " BEGIN INSERT OR REPLACE INTO rtree_" t "_" c " VALUES (NEW.id,"                             \
  " ST_MinX(NEW." c "), ST_MaxX(NEW." c "), ST_MinY(NEW." c "), ST_MaxY(NEW." c ")); END;"      \
  "CREATE TRIGGER rtree_" t "_" c "_update1 AFTER UPDATE OF " c " ON " t                        \
  " WHEN OLD.id = NEW.id AND (NEW." c " NOTNULL AND NOT ST_IsEmpty(NEW." c "))"                 \
  " BEGIN INSERT OR REPLACE INTO rtree_" t "_" c " VALUES (NEW.id,"                             \
  " ST_MinX(NEW." c "), ST_MaxX(NEW." c "), ST_MinY(NEW." c "), ST_MaxY(NEW." c ")); END;"      \
  "CREATE TRIGGER rtree_" t "_" c "_update2 AFTER UPDATE OF " c " ON " t                        \
  " WHEN OLD.id = NEW.id AND (NEW." c " ISNULL OR ST_IsEmpty(NEW." c "))"                       \
  " BEGIN DELETE FROM rtree_" t "_" c " WHERE id = OLD.id; END;"                                \
  "CREATE TRIGGER rtree_" t "_" c "_update3 AFTER UPDATE ON " t                                 \
  " WHEN OLD.id != NEW.id AND (NEW." c " NOTNULL AND NOT ST_IsEmpty(NEW." c "))"                \
  " BEGIN DELETE FROM rtree_" t "_" c " WHERE id = OLD.id;"                                     \
  " INSERT OR REPLACE INTO rtree_" t "_" c " VALUES (NEW.id,"                                   \
  " ST_MinX(NEW." c "), ST_MaxX(NEW." c "), ST_MinY(NEW." c "), ST_MaxY(NEW." c ")); END;"      \
  "CREATE TRIGGER rtree_" t "_" c "_update4 AFTER UPDATE ON " t                                 \
  " WHEN OLD.id != NEW.id AND (NEW." c " ISNULL OR ST_IsEmpty(NEW." c "))"                      \
  " BEGIN DELETE FROM rtree_" t "_" c " WHERE id IN (OLD.id, NEW.id); END;"                     \
  "CREATE TRIGGER rtree_" t "_" c "_delete AFTER DELETE ON " t " WHEN old." c " NOT NULL"       \
  " BEGIN DELETE FROM rtree_" t "_" c " WHERE id = OLD.id; END;"

#define APPEND_ONLY(t)                                                                          \
  "CREATE TRIGGER " t "_no_update BEFORE UPDATE ON " t                                          \
  " BEGIN SELECT RAISE(ABORT, '" t " is append-only'); END;"                                    \
  "CREATE TRIGGER " t "_no_delete BEFORE DELETE ON " t                                          \
  " BEGIN SELECT RAISE(ABORT, '" t " is append-only'); END;"

#define ATTRIBUTES(t, desc)                                                                     \
  "INSERT INTO gpkg_contents (table_name, data_type, identifier, description)"                  \
  " VALUES ('" t "', 'attributes', '" t "', '" desc "');"

#define KIND(code, group, en, fr, nl, stroke, fill, opacity, style, width, order)               \
  "INSERT INTO feature_kinds (code, \"group\", label_en, label_fr, label_nl, stroke_color,"     \
  " fill_color, fill_opacity, line_style, line_width, icon_name, sort_order, builtin, version)" \
  " VALUES ('" code "', '" group "', '" en "', '" fr "', '" nl "', '" stroke "', '" fill "', "  \
  opacity ", '" style "', " width ", 'cr-kind-" code "-symbolic', " order ", 1, 1);"

/* 1: the GeoPackage core, events, the kind catalogue, features with their
 * R*Tree, itinerary waypoints, and the audit log. */
static const char migration_1[] =
  "PRAGMA application_id = 1196444487;" /* GPKG_APPLICATION_ID */
  "PRAGMA user_version = 10200;"
  "CREATE TABLE gpkg_spatial_ref_sys ("
  " srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,"
  " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,"
  " definition TEXT NOT NULL, description TEXT);"
  "INSERT INTO gpkg_spatial_ref_sys VALUES"
  " ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),"
  " ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),"
  " ('WGS 84 geodetic', 4326, 'EPSG', 4326,"
  "  'GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
  "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,"
  "AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
  "AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]',"
  "  'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');"
  "CREATE TABLE gpkg_contents ("
  " table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,"
  " description TEXT DEFAULT '',"
  " last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
  " min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,"
  " CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));"
  "CREATE TABLE gpkg_geometry_columns ("
  " table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,"
  " srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,"
  " CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),"
  " CONSTRAINT uk_gc_table_name UNIQUE (table_name),"
  " CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),"
  " CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));"
  "CREATE TABLE gpkg_extensions ("
  " table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,"
  " definition TEXT NOT NULL, scope TEXT NOT NULL,"
  " CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));"
  "CREATE TABLE cr_meta (key TEXT NOT NULL PRIMARY KEY, value TEXT);"
  "CREATE TABLE events ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  " kind TEXT NOT NULL DEFAULT 'visit',"
  " status TEXT NOT NULL DEFAULT 'planning',"
  " starts DATETIME, ends DATETIME, description TEXT,"
  " archived BOOLEAN NOT NULL DEFAULT 0,"
  " version INTEGER NOT NULL DEFAULT 1,"
  " CHECK (ends IS NULL OR starts IS NULL OR ends >= starts));"
  ATTRIBUTES ("events", "Events prepared or followed by the crisis centre")
  "CREATE TABLE feature_kinds ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " code TEXT NOT NULL UNIQUE, \"group\" TEXT NOT NULL,"
  " label_en TEXT NOT NULL, label_fr TEXT NOT NULL, label_nl TEXT NOT NULL,"
  " stroke_color TEXT NOT NULL, fill_color TEXT, fill_opacity REAL NOT NULL DEFAULT 0.2,"
  " line_style TEXT NOT NULL DEFAULT 'solid', line_width REAL NOT NULL DEFAULT 2,"
  " icon_name TEXT, sort_order INTEGER NOT NULL DEFAULT 0,"
  " builtin BOOLEAN NOT NULL DEFAULT 0, version INTEGER NOT NULL DEFAULT 1);"
  ATTRIBUTES ("feature_kinds", "Catalogue of perimeter, itinerary and point kinds with their style")
  KIND ("red_zone", "perimeter", "Red zone (exclusion)", "Zone rouge (exclusion)",
        "Rode zone (uitsluiting)", "#c01c28", "#e01b24", "0.30", "solid", "2.5", "10")
  KIND ("orange_zone", "perimeter", "Orange zone (isolation)", "Zone orange (isolement)",
        "Oranje zone (isolatie)", "#c64600", "#ff7800", "0.22", "solid", "2.5", "20")
  KIND ("yellow_zone", "perimeter", "Yellow zone (support)", "Zone jaune (appui)",
        "Gele zone (ondersteuning)", "#9c6e03", "#f6d32d", "0.22", "solid", "2.5", "30")
  KIND ("drone_ban_zone", "perimeter", "Drone-ban zone", "Zone d''interdiction de drones",
        "Verbodszone voor drones", "#613583", "#9141ac", "0.35", "hatched", "2", "40")
  KIND ("traffic_closure", "perimeter", "Traffic closure", "Fermeture à la circulation",
        "Verkeersafsluiting", "#1a5fb4", "#3584e4", "0.12", "dashed", "2.5", "50")
  KIND ("pedestrian_zone", "perimeter", "Pedestrian zone", "Zone piétonne",
        "Voetgangerszone", "#26a269", "#33d17a", "0.15", "solid", "2", "60")
  KIND ("area", "perimeter", "Other area", "Autre zone", "Andere zone",
        "#5e5c64", "#77767b", "0.15", "solid", "2", "90")
  KIND ("motorcade", "itinerary", "Motorcade", "Cortège officiel", "Konvooi",
        "#1c71d8", "", "0", "solid", "5", "110")
  KIND ("procession", "itinerary", "Procession", "Procession", "Processie",
        "#813d9c", "", "0", "solid", "5", "120")
  KIND ("demonstration_route", "itinerary", "Demonstration route", "Parcours de manifestation",
        "Betogingsparcours", "#e66100", "", "0", "solid", "5", "130")
  KIND ("emergency_route", "itinerary", "Evacuation or emergency access route",
        "Itinéraire d''évacuation ou d''accès des secours",
        "Evacuatie- of aanrijroute voor hulpdiensten", "#2ec27e", "", "0", "dashed", "4", "140")
  KIND ("line", "itinerary", "Other line", "Autre ligne", "Andere lijn",
        "#5e5c64", "", "0", "solid", "3", "190")
  KIND ("gathering_point", "point", "Gathering point", "Point de rassemblement", "Verzamelpunt",
        "#26a269", "#33d17a", "1", "solid", "2", "210")
  KIND ("medical_post", "point", "Advanced medical post (PMA)", "Poste médical avancé (PMA)",
        "Vooruitgeschoven medische post (VMP)", "#a51d2d", "#e01b24", "1", "solid", "2", "220")
  KIND ("cp_ops", "point", "Operational command post (CP-Ops)",
        "Poste de commandement opérationnel (CP-Ops)", "Commandopost operaties (CP-Ops)",
        "#1a5fb4", "#3584e4", "1", "solid", "2", "230")
  KIND ("checkpoint", "point", "Checkpoint", "Point de contrôle", "Controlepunt",
        "#3d3846", "#5e5c64", "1", "solid", "2", "240")
  KIND ("staging_area", "point", "Staging area", "Point de regroupement des moyens",
        "Verzamelplaats van hulpmiddelen", "#865e3c", "#b5835a", "1", "solid", "2", "250")
  KIND ("reception_centre", "point", "Reception centre", "Centre d''accueil", "Opvangcentrum",
        "#1c71d8", "#62a0ea", "1", "solid", "2", "260")
  KIND ("media_point", "point", "Media point", "Point presse", "Perspunt",
        "#813d9c", "#c061cb", "1", "solid", "2", "270")
  KIND ("point", "point", "Other point", "Autre point", "Ander punt",
        "#5e5c64", "#9a9996", "1", "solid", "2", "290")
  "CREATE TABLE features ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " geometry GEOMETRY,"
  " event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,"
  " kind TEXT NOT NULL REFERENCES feature_kinds(code) ON UPDATE CASCADE,"
  " name TEXT,"
  " active_from DATETIME, active_to DATETIME,"
  " notes TEXT,"
  " properties TEXT,"
  " center_lon REAL, center_lat REAL, radius_m REAL,"
  " version INTEGER NOT NULL DEFAULT 1);"
  "CREATE INDEX features_event ON features(event_id);"
  "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)"
  " VALUES ('features', 'features', 'features',"
  " 'Perimeters, itineraries and points of every event (column event_id)', 4326);"
  "INSERT INTO gpkg_geometry_columns VALUES ('features', 'geometry', 'GEOMETRY', 4326, 0, 0);"
  RTREE_TRIGGERS ("features", "geometry")
  "CREATE TABLE waypoints ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " feature_id INTEGER NOT NULL REFERENCES features(id) ON DELETE CASCADE,"
  " position INTEGER NOT NULL DEFAULT 0,"
  " name TEXT, lon REAL NOT NULL, lat REAL NOT NULL,"
  " planned_at DATETIME,"
  " version INTEGER NOT NULL DEFAULT 1);"
  "CREATE INDEX waypoints_feature ON waypoints(feature_id, position);"
  ATTRIBUTES ("waypoints", "Itinerary waypoints with planned passage times (feature_id)")
  "CREATE TABLE audit ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " at DATETIME NOT NULL, operator TEXT, table_name TEXT NOT NULL, row_id INTEGER,"
  " action TEXT NOT NULL, before TEXT, after TEXT);"
  "CREATE INDEX audit_row ON audit(table_name, row_id);"
  APPEND_ONLY ("audit");

/* 2: partners, their contacts and SPOC chains, and the roles of each
 * partner in an event. */
static const char migration_2[] =
  "CREATE TABLE partners ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  " partner_type TEXT NOT NULL DEFAULT 'other',"
  " languages TEXT, address TEXT, notes TEXT,"
  " area_feature_id INTEGER REFERENCES features(id) ON DELETE SET NULL,"
  " version INTEGER NOT NULL DEFAULT 1);"
  ATTRIBUTES ("partners", "Partner organisations")
  "CREATE TABLE contacts ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " partner_id INTEGER REFERENCES partners(id) ON DELETE CASCADE,"
  " name TEXT NOT NULL, function TEXT,"
  " phone_mobile TEXT, phone_office TEXT, phone_24_7 TEXT, email TEXT,"
  " language TEXT, availability TEXT NOT NULL DEFAULT 'office-hours',"
  " verified_at DATETIME, verified_by TEXT, notes TEXT,"
  " version INTEGER NOT NULL DEFAULT 1);"
  "CREATE INDEX contacts_partner ON contacts(partner_id);"
  "CREATE TABLE spoc_assignments ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,"
  " contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,"
  " rank INTEGER NOT NULL DEFAULT 0,"
  " version INTEGER NOT NULL DEFAULT 1,"
  " UNIQUE (partner_id, rank), UNIQUE (partner_id, contact_id));"
  "CREATE TABLE roles ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,"
  " partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,"
  " discipline TEXT NOT NULL DEFAULT 'other',"
  " responsibility TEXT,"
  " sector_id INTEGER REFERENCES features(id) ON DELETE SET NULL,"
  " contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,"
  " version INTEGER NOT NULL DEFAULT 1);"
  "CREATE INDEX roles_event ON roles(event_id);"
  ATTRIBUTES ("roles", "Roles and responsibilities of each partner per event")
  "ALTER TABLE features ADD COLUMN partner_id INTEGER REFERENCES partners(id) ON DELETE SET NULL;";

/* 3: checklists and activations, the logbook, alert tests. */
static const char migration_3[] =
  "CREATE TABLE checklist_templates ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  " event_kind TEXT, description TEXT,"
  " version INTEGER NOT NULL DEFAULT 1);"
  "CREATE TABLE checklist_template_items ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " template_id INTEGER NOT NULL REFERENCES checklist_templates(id) ON DELETE CASCADE,"
  " position INTEGER NOT NULL DEFAULT 0,"
  " cell TEXT NOT NULL DEFAULT 'operations',"
  " text TEXT NOT NULL, responsible TEXT,"
  " due_offset_min INTEGER NOT NULL DEFAULT 0,"
  " mandatory BOOLEAN NOT NULL DEFAULT 0,"
  " partner_id INTEGER REFERENCES partners(id) ON DELETE SET NULL,"
  " partner_type TEXT,"
  " version INTEGER NOT NULL DEFAULT 1);"
  "CREATE INDEX checklist_template_items_template ON checklist_template_items(template_id, position);"
  "CREATE TABLE activations ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,"
  " name TEXT NOT NULL,"
  " level TEXT NOT NULL DEFAULT 'monitoring',"
  " cells TEXT,"
  " opened_at DATETIME NOT NULL, opened_by TEXT,"
  " closed_at DATETIME, closed_by TEXT, closing_note TEXT,"
  " version INTEGER NOT NULL DEFAULT 1);"
  "CREATE TABLE activation_items ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " activation_id INTEGER NOT NULL REFERENCES activations(id) ON DELETE CASCADE,"
  " template_item_id INTEGER REFERENCES checklist_template_items(id) ON DELETE SET NULL,"
  " position INTEGER NOT NULL DEFAULT 0,"
  " cell TEXT NOT NULL DEFAULT 'operations',"
  " text TEXT NOT NULL, responsible TEXT,"
  " due_at DATETIME, mandatory BOOLEAN NOT NULL DEFAULT 0,"
  " partner_id INTEGER REFERENCES partners(id) ON DELETE SET NULL,"
  " partner_type TEXT,"
  " state TEXT NOT NULL DEFAULT 'open',"
  " state_at DATETIME, state_by TEXT, state_note TEXT,"
  " version INTEGER NOT NULL DEFAULT 1);"
  "CREATE INDEX activation_items_activation ON activation_items(activation_id, position);"
  "CREATE TABLE logbook ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " recorded_at DATETIME NOT NULL, occurred_at DATETIME,"
  " author TEXT NOT NULL, category TEXT NOT NULL DEFAULT 'information',"
  " text TEXT NOT NULL,"
  " feature_id INTEGER REFERENCES features(id),"
  " partner_id INTEGER REFERENCES partners(id),"
  " activation_id INTEGER REFERENCES activations(id),"
  " corrects_id INTEGER REFERENCES logbook(id),"
  " hash TEXT);"
  "CREATE INDEX logbook_activation ON logbook(activation_id, recorded_at);"
  APPEND_ONLY ("logbook")
  ATTRIBUTES ("logbook", "Append-only logbook (main courante)")
  "CREATE TABLE alert_campaigns ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " name TEXT NOT NULL, started_at DATETIME, ended_at DATETIME,"
  " target_minutes INTEGER NOT NULL DEFAULT 15, notes TEXT,"
  " version INTEGER NOT NULL DEFAULT 1);"
  "CREATE TABLE alert_tests ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " campaign_id INTEGER REFERENCES alert_campaigns(id) ON DELETE CASCADE,"
  " partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,"
  " contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,"
  " channel TEXT NOT NULL DEFAULT 'phone',"
  " started_at DATETIME, answered_at DATETIME,"
  " outcome TEXT NOT NULL DEFAULT 'pending', notes TEXT,"
  " version INTEGER NOT NULL DEFAULT 1);"
  "CREATE INDEX alert_tests_partner ON alert_tests(partner_id, started_at);";

/* 4: region-wide reference layers (communes, police zones, hospitals…).
 * Their features are rows of the feature table with a layer and no event,
 * so QGIS sees them with the event features and the R*Tree serves both.
 * Event-less features written before layers existed are gathered into
 * one layer, so they stay on the map. */
static const char migration_4[] =
  "CREATE TABLE reference_layers ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  " description TEXT, source TEXT,"
  " visible BOOLEAN NOT NULL DEFAULT 1,"
  " version INTEGER NOT NULL DEFAULT 1);"
  ATTRIBUTES ("reference_layers",
              "Region-wide reference layers: commune and police-zone boundaries, hospitals, stations")
  "ALTER TABLE features ADD COLUMN layer_id INTEGER REFERENCES reference_layers(id) ON DELETE CASCADE;"
  "CREATE INDEX features_layer ON features(layer_id);"
  "INSERT INTO reference_layers (name, description)"
  " SELECT 'Reference features', 'Features without an event, from before reference layers existed'"
  " WHERE EXISTS (SELECT 1 FROM features WHERE event_id IS NULL);"
  "UPDATE features SET layer_id = (SELECT id FROM reference_layers WHERE name = 'Reference features')"
  " WHERE event_id IS NULL;"
  "UPDATE gpkg_contents SET description ="
  " 'Perimeters, itineraries and points of every event (column event_id)"
  " and of the reference layers (column layer_id)' WHERE table_name = 'features';";

#define CLOSED_ACTIVATION(id)                                                                   \
  " WHEN (SELECT closed_at FROM activations WHERE id = " id ") IS NOT NULL"                     \
  " BEGIN SELECT RAISE(ABORT, 'activation is closed'); END;"

/* 5: what activations and the logbook need to be the record of a crisis.
 * - item_ticks: the append-only journal of every tick and un-tick of an
 *   activation item (the item row only holds its latest state);
 * - a closed activation, its items and their journal are read-only, here
 *   and not only in the store, so a script or the sqlite3 shell cannot
 *   change them either. The triggers name the columns a user writes, so
 *   the ON DELETE SET NULL of an event, a partner or a template item
 *   (which only touch a reference) still work;
 * - logbook_chain_start: the first logbook entry of the hash chain (see
 *   cr-store-logbook.c). Entries written before this migration have no
 *   hash and stay outside the chain, as what they are: unsealed;
 * - indexes for the queries of the logbook, the handover and the
 *   overdue items. */
static const char migration_5[] =
  "CREATE TABLE item_ticks ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " item_id INTEGER NOT NULL REFERENCES activation_items(id),"
  " activation_id INTEGER NOT NULL REFERENCES activations(id),"
  " state TEXT NOT NULL, previous_state TEXT NOT NULL,"
  " at DATETIME NOT NULL, recorded_at DATETIME NOT NULL,"
  " operator TEXT, note TEXT);"
  "CREATE INDEX item_ticks_activation ON item_ticks(activation_id, at);"
  "CREATE INDEX item_ticks_item ON item_ticks(item_id);"
  APPEND_ONLY ("item_ticks")
  ATTRIBUTES ("item_ticks", "Append-only journal of the ticks of activation checklist items")
  "CREATE TRIGGER item_ticks_closed BEFORE INSERT ON item_ticks"
  CLOSED_ACTIVATION ("NEW.activation_id")
  "CREATE TRIGGER activations_closed_update BEFORE UPDATE OF"
  " name, level, cells, opened_at, opened_by, closed_at, closed_by, closing_note ON activations"
  " WHEN OLD.closed_at IS NOT NULL"
  " BEGIN SELECT RAISE(ABORT, 'activation is closed'); END;"
  "CREATE TRIGGER activations_closed_delete BEFORE DELETE ON activations"
  " WHEN OLD.closed_at IS NOT NULL"
  " BEGIN SELECT RAISE(ABORT, 'activation is closed'); END;"
  "CREATE TRIGGER activation_items_closed_insert BEFORE INSERT ON activation_items"
  CLOSED_ACTIVATION ("NEW.activation_id")
  "CREATE TRIGGER activation_items_closed_update BEFORE UPDATE OF"
  " activation_id, position, cell, text, responsible, due_at, mandatory, partner_type,"
  " state, state_at, state_by, state_note ON activation_items"
  " WHEN (SELECT closed_at FROM activations WHERE id = OLD.activation_id) IS NOT NULL"
  " OR (SELECT closed_at FROM activations WHERE id = NEW.activation_id) IS NOT NULL"
  " BEGIN SELECT RAISE(ABORT, 'activation is closed'); END;"
  "CREATE TRIGGER activation_items_closed_delete BEFORE DELETE ON activation_items"
  CLOSED_ACTIVATION ("OLD.activation_id")
  "CREATE INDEX activation_items_due ON activation_items(state, due_at);"
  "CREATE INDEX logbook_corrects ON logbook(corrects_id);"
  "CREATE INDEX logbook_occurred ON logbook(occurred_at);"
  "CREATE INDEX audit_at ON audit(at);"
  "INSERT OR REPLACE INTO cr_meta (key, value)"
  " SELECT 'logbook_chain_start', max(COALESCE((SELECT max(id) FROM logbook), 0),"
  " COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'logbook'), 0)) + 1;";

/* What a phone number becomes in the search index: its E.164 digits, its
 * national form with the 0, and the digits after the country code, so
 * "0470", "+32 470" and "470" all find "+32 470 12 34 56". Plain SQL on
 * purpose: the triggers that keep the index must run in any SQLite
 * (QGIS, the sqlite3 shell), which knows none of the app's functions. */
#define PHONE_DIGITS(c)                                                                         \
  "replace(replace(replace(replace(replace(replace(replace(replace(replace(" c ","              \
  " ' ', ''), '.', ''), '/', ''), '-', ''), '(', ''), ')', ''), char(9), ''), char(160), ''),"   \
  " char(8239), '')"
#define PHONE_INTL(c)                                                                           \
  "(SELECT CASE WHEN i GLOB '320*' THEN '32' || substr(i, 4) ELSE i END FROM"                   \
  " (SELECT CASE WHEN s GLOB '+*' THEN substr(s, 2) WHEN s GLOB '00*' THEN substr(s, 3)"        \
  "  WHEN s GLOB '0*' THEN '32' || substr(s, 2) ELSE s END AS i"                               \
  "  FROM (SELECT " PHONE_DIGITS (c) " AS s)))"
#define SEARCH_ROW(id)                                                                          \
  "INSERT INTO contact_search (rowid, name, organisation, function, email)"                     \
  " SELECT id, name, organisation, function, email FROM contact_search_source"                  \
  " WHERE id = " id ";"
#define PHONE_ROWS(id)                                                                          \
  "INSERT INTO contact_phones (digits, contact_id)"                                             \
  " SELECT DISTINCT digits, id FROM contact_phone_forms WHERE id = " id ";"

/* 6: the directory at the scale of a region: search as you type, and
 * indexes for the review rules, the SPOC chains and alert campaigns.
 * - contact_search: the full-text index of names, partners, functions
 *   and e-mail addresses (SQLite FTS5: case and accents folded by the
 *   unicode61 tokenizer), one row per contact, rowid = contact id. Its
 *   prefix indexes cover words typed up to 6 letters: FTS5 reads those
 *   lazily, where a longer prefix would make it merge the entries of
 *   every word that starts with it; a longer word typed is looked up in
 *   contact_search_terms, the index's words, and searched as the whole
 *   words it starts (see cr_store_search_contacts());
 * - contact_phones: every number of every contact in its search forms,
 *   in a B-tree, so digits typed so far are one range scan however many
 *   numbers start with them (an FTS5 prefix query would merge the
 *   entries of every such number);
 * - both kept by triggers, so every writer, the app or another tool,
 *   keeps them right; the views say what they hold. */
static const char migration_6[] =
  "CREATE VIEW contact_search_source AS"
  " SELECT c.id AS id, c.name AS name, p.name AS organisation, c.function AS function,"
  " c.email AS email"
  " FROM contacts c LEFT JOIN partners p ON p.id = c.partner_id;"
  "CREATE VIEW contact_phone_numbers AS"
  " SELECT id, " PHONE_INTL ("phone_mobile") " AS intl FROM contacts WHERE phone_mobile IS NOT NULL"
  " UNION ALL"
  " SELECT id, " PHONE_INTL ("phone_office") " FROM contacts WHERE phone_office IS NOT NULL"
  " UNION ALL"
  " SELECT id, " PHONE_INTL ("phone_24_7") " FROM contacts WHERE phone_24_7 IS NOT NULL;"
  "CREATE VIEW contact_phone_forms AS"
  " SELECT id, intl AS digits FROM contact_phone_numbers"
  "  WHERE intl <> '' AND NOT intl GLOB '*[^0-9]*'"
  " UNION ALL"
  " SELECT id, '0' || substr(intl, 3) FROM contact_phone_numbers"
  "  WHERE intl GLOB '32[0-9]*' AND NOT intl GLOB '*[^0-9]*'"
  " UNION ALL"
  " SELECT id, substr(intl, 3) FROM contact_phone_numbers"
  "  WHERE intl GLOB '32[0-9]*' AND NOT intl GLOB '*[^0-9]*';"
  "CREATE VIRTUAL TABLE contact_search USING fts5(name, organisation, function, email,"
  " tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6', detail = none);"
  "CREATE VIRTUAL TABLE contact_search_terms USING fts5vocab(contact_search, 'row');"
  "CREATE TABLE contact_phones ("
  " id INTEGER PRIMARY KEY,"
  " digits TEXT NOT NULL,"
  " contact_id INTEGER NOT NULL);"
  "CREATE INDEX contact_phones_digits ON contact_phones(digits, contact_id);"
  "CREATE INDEX contact_phones_contact ON contact_phones(contact_id);"
  "CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts BEGIN "
  SEARCH_ROW ("NEW.id")
  PHONE_ROWS ("NEW.id")
  " END;"
  "CREATE TRIGGER contacts_search_update AFTER UPDATE OF"
  " id, partner_id, name, function, email ON contacts BEGIN"
  " DELETE FROM contact_search WHERE rowid = OLD.id; "
  SEARCH_ROW ("NEW.id")
  " END;"
  "CREATE TRIGGER contacts_phones_update AFTER UPDATE OF"
  " id, phone_mobile, phone_office, phone_24_7 ON contacts BEGIN"
  " DELETE FROM contact_phones WHERE contact_id = OLD.id; "
  PHONE_ROWS ("NEW.id")
  " END;"
  "CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN"
  " DELETE FROM contact_search WHERE rowid = OLD.id;"
  " DELETE FROM contact_phones WHERE contact_id = OLD.id; END;"
  "CREATE TRIGGER partners_search_rename AFTER UPDATE OF name ON partners BEGIN"
  " UPDATE contact_search SET organisation = NEW.name"
  " WHERE rowid IN (SELECT id FROM contacts WHERE partner_id = NEW.id); END;"
  "INSERT INTO contact_search (rowid, name, organisation, function, email)"
  " SELECT id, name, organisation, function, email FROM contact_search_source;"
  "INSERT INTO contact_phones (digits, contact_id)"
  " SELECT DISTINCT digits, id FROM contact_phone_forms;"
  "CREATE INDEX contacts_name ON contacts(name COLLATE NOCASE);"
  "CREATE INDEX spoc_assignments_contact ON spoc_assignments(contact_id);"
  "CREATE INDEX roles_partner ON roles(partner_id, discipline);"
  "CREATE INDEX alert_tests_campaign ON alert_tests(campaign_id, id);";

static const char *const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
};

int
cr_store_latest_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static int
read_version (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM cr_meta WHERE key = 'schema_version'", -1,
                          &stmt, NULL) != SQLITE_OK)
    return 0;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

static gboolean
too_new (int      current,
         GError **error)
{
  g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_TOO_NEW,
               _("This database was written by a newer version of Crisis Room "
                 "(schema %d, this version knows %d). Update Crisis Room to open it."),
               current, (int) G_N_ELEMENTS (migrations));
  return FALSE;
}

/* For a file opened read-only: its schema must be @target already (an
 * older one would need the migration that writes). */
gboolean
_cr_store_check_version (sqlite3 *db,
                         int      target,
                         int     *version,
                         GError **error)
{
  int current = read_version (db);

  if (current > (int) G_N_ELEMENTS (migrations))
    return too_new (current, error);
  if (current < target)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_OPEN,
                   _("This database was written by an earlier version of Crisis Room (schema %d): "
                     "open it once in the window, which brings it up to date, then try again."),
                   current);
      return FALSE;
    }
  *version = current;
  return TRUE;
}

/* Brings the schema from what the file holds up to @target, in one
 * transaction; stores the resulting version in @version. */
gboolean
_cr_store_migrate (sqlite3 *db,
                   int      target,
                   int     *version,
                   GError **error)
{
  int current;
  g_autofree char *set_version = NULL;

  g_assert (target >= 1 && target <= (int) G_N_ELEMENTS (migrations));

  if (!_cr_store_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  current = read_version (db);
  if (current > (int) G_N_ELEMENTS (migrations))
    {
      _cr_store_exec (db, "ROLLBACK", NULL);
      return too_new (current, error);
    }

  for (int v = current + 1; v <= target; v++)
    {
      g_debug ("Migrating schema to version %d", v);
      if (!_cr_store_exec (db, migrations[v - 1], error))
        {
          _cr_store_exec (db, "ROLLBACK", NULL);
          g_prefix_error (error, _("Could not upgrade the database to schema %d: "), v);
          return FALSE;
        }
    }

  if (target > current)
    {
      set_version = g_strdup_printf ("INSERT OR REPLACE INTO cr_meta (key, value)"
                                     " VALUES ('schema_version', '%d')", target);
      if (!_cr_store_exec (db, set_version, error))
        {
          _cr_store_exec (db, "ROLLBACK", NULL);
          return FALSE;
        }
    }

  if (!_cr_store_exec (db, "COMMIT", error))
    {
      _cr_store_exec (db, "ROLLBACK", NULL);
      return FALSE;
    }
  /* Move the new header (application_id, user_version) from the WAL into
   * the file itself, where GeoPackage readers look for it. */
  if (target > current)
    sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  *version = MAX (current, target);
  return TRUE;
}
