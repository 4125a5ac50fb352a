-- rapport schema 6: settings a database carries for itself, one value per key. They are
-- defaults under the user's config, never over it: the demo writes its own labour cost
-- and company name here (with 'source' = 'demo'), so a demo database shows sensible
-- margins under any config, or none, and the app can say where the figures come from.
--
--   source                    who wrote them, named next to what they supply ("demo")
--   hourly_labour_cost_cents  what an hour of work costs, in cents (config: costs.hourly_labour_cost)
--   company_name              the MSP's name (config: company.name)

CREATE TABLE settings (
    key   TEXT PRIMARY KEY CHECK (length(key) > 0),
    value TEXT NOT NULL
) STRICT;
