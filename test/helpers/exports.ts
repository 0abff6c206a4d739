/**
 * What a module exports, read by the TypeScript compiler (the project's own devDependency): each
 * exported function's parameters, with the property names of those whose type is a plain
 * object (an options or data object, a result passed back in), and its doc comment's tags. The
 * contract and doc-example tests enumerate the exports with it, so that a new export cannot
 * escape them.
 */
import ts from "typescript";

export interface ExportedParameter {
  readonly name: string;
  /** The type is a plain object (not an array, a function, a typed array or a primitive). */
  readonly isObject: boolean;
  /** Its declared property names (for a plain object). */
  readonly properties: readonly string[];
}

export interface ExportedFunction {
  /** "kaplanMeier", or "Kernel.start" for a static method of an exported class. */
  readonly name: string;
  readonly parameters: readonly ExportedParameter[];
  /** The doc comment's tags: name ("param", "returns", "throws", "example") and text. */
  readonly tags: readonly { readonly name: string; readonly text: string }[];
  /** The file it is declared in. */
  readonly file: string;
  /** It returns an object or array (or a promise of one), not a primitive or void. */
  readonly returnsObject: boolean;
}

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  skipLibCheck: true,
  types: ["node"],
  noEmit: true,
};

/** The functions (and exported classes' own static methods) a module exports, in export order. */
export function exportedFunctions(entry: string): ExportedFunction[] {
  const program = ts.createProgram([entry], OPTIONS);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`${entry}: not found`);
  const module = checker.getSymbolAtLocation(source)!;

  const isPlainObject = (t: ts.Type): boolean => {
    if (t.isUnion()) return t.types.some(isPlainObject);
    if (!(t.flags & ts.TypeFlags.Object)) return false;
    if (checker.isArrayType(t) || checker.isTupleType(t) || t.getCallSignatures().length > 0) return false;
    if (t.getProperty("length") || checker.getIndexInfoOfType(t, ts.IndexKind.Number)) return false; // array-like
    if (/(Array|Buffer|Map|Set|Date|Promise|Error)$/.test(t.getSymbol()?.getName() ?? "")) return false;
    return t.getProperties().length > 0 || checker.getIndexInfosOfType(t).length > 0;
  };
  const propertiesOf = (t: ts.Type): string[] =>
    t.isUnion() ? [...new Set(t.types.flatMap(propertiesOf))] : t.getProperties().map((p) => p.getName());

  const isObject = (t: ts.Type): boolean => (t.isUnion() ? t.types.some(isObject) : !!(t.flags & ts.TypeFlags.Object));
  const describe = (name: string, sig: ts.Signature, at: ts.Node): ExportedFunction => {
    const decl = sig.getDeclaration();
    return {
      returnsObject: isObject(sig.getReturnType()),
      name,
      parameters: sig.getParameters().map((p) => {
        const t = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(p, at));
        const isObject = isPlainObject(t);
        return { name: p.getName(), isObject, properties: isObject ? propertiesOf(t) : [] };
      }),
      tags: ts.getJSDocTags(decl).map((tag) => ({
        name: tag.tagName.getText(),
        text: (ts.isJSDocParameterTag(tag) ? `${tag.name.getText()} ` : "") + (ts.getTextOfJSDocComment(tag.comment) ?? ""),
      })),
      file: decl.getSourceFile().fileName,
    };
  };

  const out: ExportedFunction[] = [];
  for (const exported of checker.getExportsOfModule(module)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decl = symbol.valueDeclaration;
    if (!decl) continue;
    if (symbol.flags & ts.SymbolFlags.Function) {
      const [sig] = checker.getTypeOfSymbolAtLocation(symbol, decl).getCallSignatures();
      out.push(describe(exported.getName(), sig, decl));
    } else if (symbol.flags & ts.SymbolFlags.Class && ts.isClassDeclaration(decl)) {
      for (const member of decl.members) {
        const isStatic = ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static;
        const isPublic = !(ts.getCombinedModifierFlags(member) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected));
        if (!ts.isMethodDeclaration(member) || !isStatic || !isPublic) continue;
        const sig = checker.getSignatureFromDeclaration(member)!;
        out.push(describe(`${exported.getName()}.${member.name.getText()}`, sig, member));
      }
    }
  }
  return out;
}
