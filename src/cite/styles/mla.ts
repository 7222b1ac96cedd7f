/**
 * The MLA (9th edition) style as a CSL 1.0 file, written for Verbatim. Kept in a module rather than a .csl file so that
 * the compiled bot (dist/) carries it with no copy step and nothing is read from disk or fetched at run time.
 */
export const MLA_CSL = `<?xml version="1.0" encoding="utf-8"?>
<!-- Written for Verbatim: the MLA (9th edition) works-cited pattern for the one kind of item Verbatim cites,
     a text published online: Author. "Title." Container, date, URL. Accessed date.
     Unknown parts are left out, as MLA asks; Verbatim never fills them in. -->
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  <info>
    <title>Verbatim MLA (online sources)</title>
    <id>verbatim-mla</id>
    <updated>2026-11-23T00:00:00+00:00</updated>
  </info>
  <locale xml:lang="en">
    <terms>
      <term name="accessed">accessed</term>
    </terms>
  </locale>
  <macro name="author">
    <names variable="author">
      <name name-as-sort-order="first" and="text" delimiter-precedes-last="always" delimiter=", " sort-separator=", "/>
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
    <date variable="issued" delimiter=" ">
      <date-part name="day"/>
      <date-part name="month" form="short" strip-periods="false"/>
      <date-part name="year"/>
    </date>
  </macro>
  <macro name="accessed">
    <group delimiter=" ">
      <text term="accessed" text-case="capitalize-first"/>
      <date variable="accessed" delimiter=" ">
        <date-part name="day"/>
        <date-part name="month" form="short"/>
        <date-part name="year"/>
      </date>
    </group>
  </macro>
  <citation>
    <layout prefix="(" suffix=")">
      <choose>
        <if variable="author">
          <names variable="author"><name form="short"/></names>
        </if>
        <else>
          <text variable="title" form="short" quotes="true"/>
        </else>
      </choose>
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
          <text variable="URL"/>
        </group>
        <text macro="accessed"/>
      </group>
    </layout>
  </bibliography>
</style>
`;
