import type { Db } from '../db/adapter';
import { AdminError } from './admin-error';
import { createTeam, createUser, issueCode, listAudit, listDevices, listTeams, listUsers, revokeDevice, rotateKey, setRole } from './commands';
import { parseDuration } from './duration';

/**
 * `npm run server -- admin <command> …`. Each command prints what it did. Exit codes: 0 done,
 * 2 bad arguments or a refused command, 1 anything unexpected.
 */
export interface AdminIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export interface AdminDeps extends AdminIo {
  /** opened only by commands that need it, so rotate-key works while a PGlite server runs */
  readonly openDb: () => Promise<Db>;
  readonly identityPath: string;
  readonly now?: () => number;
}

export const adminUsage = `Verwendung / usage: npm run server -- admin <Befehl / command>

  create-team <Name>                          Team anlegen (Kommune oder Sachgebiet)
  create-user <Name> --teams <Team>[,<Team>] [--role fallmanagement|teamleitung]
                                              Benutzer in Teams anlegen (Rolle: fallmanagement, wenn nicht angegeben)
  set-role <Benutzer> <Rolle>                 Rolle ändern: fallmanagement oder teamleitung (gilt ab der nächsten Synchronisation)
  issue-code --user <Name> [--expires-in 24h] Einmal-Code zur Geräteregistrierung (m, h, d)
  list-devices                                Geräte mit letzter Synchronisation
  revoke-device <Geräte-ID>                   Gerät sperren (es löscht beim nächsten Kontakt seine Daten)
  audit --device <Geräte-ID> | --row <Datensatz-ID> [--limit 50]
                                              hochgeladenes Zugriffsprotokoll eines Geräts oder eines Datensatzes, neueste zuerst
  rotate-key [--grace 30d]                    neuen Serverschlüssel erzeugen; der alte gilt noch so lange
  list-teams | list-users                     Übersicht
`;

interface ParsedArgs {
  readonly positional: string[];
  readonly flags: Map<string, string>;
}

function parseArgs(argv: readonly string[], allowed: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!allowed.includes(name)) throw new AdminError(`Unbekannte Option --${name}.`, `Unknown option --${name}.`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new AdminError(`--${name} braucht einen Wert.`, `--${name} needs a value.`);
    flags.set(name, value);
  }
  return { positional, flags };
}

function one(args: ParsedArgs, what: string, english: string): string {
  if (args.positional.length !== 1) throw new AdminError(`Bitte genau ein Argument angeben: ${what}.`, `Give exactly one argument: ${english}.`);
  return args.positional[0]!;
}

function none(args: ParsedArgs): void {
  if (args.positional.length > 0) {
    throw new AdminError(`Unerwartetes Argument "${args.positional[0]}".`, `Unexpected argument "${args.positional[0]}".`);
  }
}

const time = (ms: number | null) =>
  ms === null ? '—' : new Date(ms).toLocaleString('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' });

/** An entry's own time, to the second: several entries of one minute are common. */
const auditTime = (iso: string) =>
  new Date(iso).toLocaleString('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'medium' });

const maxAuditLimit = 1000;

function auditLimit(value: string | undefined): number {
  if (value === undefined) return 50;
  const limit = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
  if (!(limit >= 1 && limit <= maxAuditLimit)) {
    throw new AdminError(`--limit braucht eine Zahl von 1 bis ${maxAuditLimit}.`, `--limit needs a number from 1 to ${maxAuditLimit}.`);
  }
  return limit;
}

export async function runAdmin(argv: readonly string[], deps: AdminDeps): Promise<number> {
  const now = deps.now ?? Date.now;
  const [command, ...rest] = argv;
  let db: Db | null = null;
  const database = async () => (db ??= await deps.openDb());
  try {
    switch (command) {
      case 'create-team': {
        const team = await createTeam(await database(), { name: one(parseArgs(rest, []), 'der Name des Teams', 'the team name') }, now());
        deps.out(`Team angelegt / team created: ${team.name} (${team.id})`);
        return 0;
      }
      case 'create-user': {
        const args = parseArgs(rest, ['teams', 'role']);
        const name = one(args, 'der Name des Benutzers', 'the user name');
        const teams = (args.flags.get('teams') ?? '').split(',').map((team) => team.trim()).filter(Boolean);
        const role = args.flags.get('role');
        const user = await createUser(await database(), { name, teams, ...(role !== undefined ? { role } : {}) }, now());
        deps.out(
          `Benutzer angelegt / user created: ${user.name} (${user.id}) in ${user.teams.map((team) => team.name).join(', ')}, Rolle / role: ${user.role}`,
        );
        return 0;
      }
      case 'set-role': {
        const args = parseArgs(rest, []);
        if (args.positional.length !== 2) {
          throw new AdminError('Bitte Benutzer und Rolle angeben: set-role <Benutzer> <Rolle>.', 'Give the user and the role: set-role <user> <role>.');
        }
        const [user, role] = args.positional as [string, string];
        const result = await setRole(await database(), { user, role });
        deps.out(
          result.changed
            ? `Rolle geändert / role changed: ${result.name} (${result.id}) ${result.previous} → ${result.role} — gilt auf den Geräten ab der nächsten Synchronisation.`
            : `Rolle unverändert / role unchanged: ${result.name} (${result.id}) ist schon / is already ${result.role}`,
        );
        return 0;
      }
      case 'issue-code': {
        const args = parseArgs(rest, ['user', 'expires-in']);
        none(args);
        const user = args.flags.get('user');
        if (!user) throw new AdminError('Bitte --user angeben.', 'Please give --user.');
        const expiresInMs = parseDuration(args.flags.get('expires-in') ?? '24h');
        const issued = await issueCode(await database(), { user, expiresInMs }, now());
        deps.out(`Registrierungscode für / enrollment code for ${issued.userName}: ${issued.code}`);
        deps.out(`Einmalig gültig bis / single use, valid until: ${time(issued.expiresAt)}`);
        return 0;
      }
      case 'list-devices': {
        none(parseArgs(rest, []));
        const devices = await listDevices(await database());
        if (devices.length === 0) deps.out('Keine Geräte registriert / no devices enrolled.');
        for (const device of devices) {
          const state = device.revokedAt === null ? 'aktiv' : `GESPERRT ${time(device.revokedAt)}`;
          deps.out(
            `${device.id}  ${device.userName}  "${device.name}"  registriert ${time(device.enrolledAt)}  letzte Sync ${time(device.lastSyncAt)}  Protokoll ${device.auditEntries} Einträge  ${state}`,
          );
        }
        return 0;
      }
      case 'revoke-device': {
        const deviceId = one(parseArgs(rest, []), 'die Geräte-ID', 'the device id');
        const result = await revokeDevice(await database(), { deviceId }, now());
        deps.out(
          result.alreadyRevoked
            ? `Gerät war schon gesperrt / device was already revoked: ${deviceId}`
            : `Gerät gesperrt / device revoked: ${deviceId} — es löscht beim nächsten Kontakt seine Daten.`,
        );
        return 0;
      }
      case 'audit': {
        const args = parseArgs(rest, ['device', 'row', 'limit']);
        none(args);
        const deviceId = args.flags.get('device');
        const rowId = args.flags.get('row');
        const target = deviceId === undefined ? (rowId === undefined ? null : { rowId }) : rowId === undefined ? { deviceId } : null;
        if (target === null) {
          throw new AdminError('Bitte genau eines angeben: --device <Geräte-ID> oder --row <Datensatz-ID>.', 'Give exactly one of --device <id> or --row <rowId>.');
        }
        const entries = await listAudit(await database(), target, auditLimit(args.flags.get('limit')));
        if (entries.length === 0) deps.out('Keine Protokolleinträge / no audit entries.');
        for (const entry of entries) {
          const fields = entry.fields.length > 0 ? `  Felder: ${entry.fields.join(', ')}` : '';
          const partner = entry.partnerId !== null ? `  Partner: ${entry.partnerId}` : '';
          deps.out(`${auditTime(entry.at)}  "${entry.deviceName}"  ${entry.actor}  ${entry.action}  ${entry.entity}  ${entry.rowId}${fields}${partner}`);
        }
        return 0;
      }
      case 'rotate-key': {
        const args = parseArgs(rest, ['grace']);
        none(args);
        const rotated = await rotateKey(deps.identityPath, { graceMs: parseDuration(args.flags.get('grace') ?? '30d') }, now());
        deps.out(`Neuer Serverschlüssel / new server key: ${rotated.keyId}`);
        deps.out(`Fingerabdruck / fingerprint: ${rotated.fingerprint}`);
        for (const old of rotated.retired) deps.out(`Alter Schlüssel / old key ${old.keyId} gilt bis / valid until ${time(old.validUntil)}`);
        return 0;
      }
      case 'list-teams': {
        none(parseArgs(rest, []));
        for (const team of await listTeams(await database())) deps.out(`${team.id}  ${team.name}  (${team.users} Benutzer)`);
        return 0;
      }
      case 'list-users': {
        none(parseArgs(rest, []));
        for (const user of await listUsers(await database())) deps.out(`${user.id}  ${user.name}  ${user.role}  [${user.teams ?? '—'}]`);
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
        deps.out(adminUsage);
        return command === undefined ? 2 : 0;
      default:
        throw new AdminError(`Unbekannter Befehl "${command}".`, `Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof AdminError) {
      deps.err(`Fehler: ${error.german}`);
      deps.err(`Error: ${error.english}`);
      if (/^Unbekannter Befehl|^Unbekannte Option/.test(error.german)) deps.err(adminUsage);
      return 2;
    }
    deps.err(`Fehler / error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    if (db !== null) await (db as Db).close();
  }
}
