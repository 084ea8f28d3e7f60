// compatibility re-export; import from messages/<feature> instead; drop when no importer is left
export * from './messages/address';
