/**
 * The Chicago (17th edition, notes and bibliography) style as a CSL 1.0 file, written for Verbatim. Kept in a module rather than a .csl file so that
 * the compiled bot (dist/) carries it with no copy step and nothing is read from disk or fetched at run time.
 */
export const CHICAGO_CSL = `<?xml version="1.0" encoding="utf-8"?>
<!-- Written for Verbatim: the Chicago (17th edition, notes and bibliography) bibliography pattern for a text
     published online: Author. "Title." Publication, Month Day, Year. URL. An access date is given only when
     the source has no date, as Chicago asks. Unknown parts are left out; Verbatim never fills them in. -->
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" default-locale="en-US">
  <info>
    <title>Verbatim Chicago (online sources)</title>
    <id>verbatim-chicago</id>
    <updated>2026-11-23T00:00:00+00:00</updated>
  </info>
  <locale xml:lang="en">
    <terms>
      <term name="accessed">accessed</term>
    </terms>
  </locale>
  <macro name="author">
    <names variable="author">
      <name name-as-sort-order="first" and="text" delimiter=", " sort-separator=", "/>
    </names>
  </macro>
  <macro name="title">
    <choose>
      <if variable="container-title">
        <text variable="title" quotes="true"/>
      </if>
      <else>
        <text variable="title" font-style="italic"/>
      </else>
    </choose>
  </macro>
  <macro name="issued">
    <date variable="issued">
      <date-part name="month" form="long" suffix=" "/>
      <date-part name="day" suffix=", "/>
      <date-part name="year"/>
    </date>
  </macro>
  <macro name="accessed-when-undated">
    <choose>
      <if variable="issued" match="none">
        <group delimiter=" ">
          <text term="accessed" text-case="capitalize-first"/>
          <date variable="accessed">
            <date-part name="month" form="long" suffix=" "/>
            <date-part name="day" suffix=", "/>
            <date-part name="year"/>
          </date>
        </group>
      </if>
    </choose>
  </macro>
  <citation>
    <layout suffix=".">
      <group delimiter=", ">
        <names variable="author"><name/></names>
        <text macro="title"/>
      </group>
    </layout>
  </citation>
  <bibliography hanging-indent="true">
    <layout suffix=".">
      <group delimiter=". ">
        <text macro="author"/>
        <text macro="title"/>
        <group delimiter=", ">
          <text variable="container-title" font-style="italic"/>
          <text macro="issued"/>
        </group>
        <text macro="accessed-when-undated"/>
        <text variable="URL"/>
      </group>
    </layout>
  </bibliography>
</style>
`;
